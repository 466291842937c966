package org.casegraph.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system's headless Chromium driven through its own chromedriver (never one Selenium
 * downloads), with every host but 127.0.0.1 unresolvable, so that a page that reaches for
 * anything outside the server fails its test. It keeps the console and the network log,
 * so a test can assert that nothing failed.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("casegraph.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("casegraph.test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChromeDriver driver;

	private final String base;

	private final Path downloads;

	private final List<String> failures = new ArrayList<>();

	private final List<String> consoleErrors = new ArrayList<>();

	private final Map<String, String> urls = new java.util.HashMap<>();

	/** Why the browser tests cannot run here, or null when they can. */
	public static String missing() {
		if (!Files.isExecutable(CHROMIUM)) {
			return "no Chromium at " + CHROMIUM + " (install Debian's chromium, or set -Dcasegraph.test.chromium)";
		}
		if (!Files.isExecutable(CHROMEDRIVER)) {
			return "no chromedriver at " + CHROMEDRIVER
					+ " (install Debian's chromium-driver, or set -Dcasegraph.test.chromedriver)";
		}
		return null;
	}

	public Browser(int port) {
		this.base = "http://127.0.0.1:" + port;
		try {
			this.downloads = Files.createTempDirectory("casegraph-downloads-");
			Path profile = Files.createTempDirectory("casegraph-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
					"--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profile,
					// Nothing but the server resolves: a request to another host fails
					// and is caught below.
					"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
			options.setExperimentalOption("prefs",
					Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			this.driver = new ChromeDriver(service, options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Opens a page of the server and waits until it has finished its requests. */
	public Browser open(String path) {
		visit(path);
		return settled();
	}

	/** Opens a page of the server. */
	public void visit(String path) {
		driver.get(base + path);
	}

	/** Waits until the explorer is idle (no request of its own under way). */
	public Browser settled() {
		new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(100))
			.until(d -> "false".equals(script("return document.body && document.body.dataset.busy")));
		return this;
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	public long number(String script, Object... arguments) {
		return ((Number) script(script, arguments)).longValue();
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	/**
	 * An element's text as written (getText() gives it as styled, upper case where CSS
	 * says so).
	 */
	public String text(String css) {
		return (String) script("return document.querySelector(arguments[0]).textContent", css);
	}

	public void click(String css) {
		find(css).click();
	}

	/**
	 * Where a node is drawn, relative to the centre of the drawing (what Actions offsets
	 * need).
	 */
	public int[] offsetOf(String nodeId) {
		@SuppressWarnings("unchecked")
		List<Number> at = (List<Number>) script("""
				const node = explorer.cy.getElementById(arguments[0]);
				const box = document.getElementById('cy').getBoundingClientRect();
				const p = node.renderedPosition();
				return [p.x - box.width / 2, p.y - box.height / 2];
				""", nodeId);
		return new int[] { (int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue()) };
	}

	public void clickNode(String nodeId) {
		int[] at = offsetOf(nodeId);
		new Actions(driver).moveToElement(find("#cy"), at[0], at[1]).click().perform();
	}

	public void doubleClickNode(String nodeId) {
		int[] at = offsetOf(nodeId);
		new Actions(driver).moveToElement(find("#cy"), at[0], at[1]).doubleClick().perform();
		settled();
	}

	public void dragNode(String nodeId, int dx, int dy) {
		int[] at = offsetOf(nodeId);
		new Actions(driver).moveToElement(find("#cy"), at[0], at[1])
			.clickAndHold()
			.moveByOffset(dx / 2, dy / 2)
			.moveByOffset(dx - dx / 2, dy - dy / 2)
			.release()
			.perform();
	}

	public ChromeDriver driver() {
		return driver;
	}

	public Actions actions() {
		return new Actions(driver);
	}

	public String currentUrl() {
		return driver.getCurrentUrl();
	}

	public Path downloads() {
		return downloads;
	}

	/** Waits for a downloaded file to be complete and returns it. */
	public Path downloaded(String name) {
		Path file = downloads.resolve(name);
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file)
				&& !Files.exists(downloads.resolve(name + ".crdownload")) && file.toFile().length() > 0);
		return file;
	}

	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Requests that failed or went anywhere but the server, since the last call: blocked,
	 * refused, or answered 400 or more.
	 */
	public List<String> failedRequests() {
		read();
		List<String> found = List.copyOf(failures);
		failures.clear();
		return found;
	}

	/** Errors written to the console since the last call. */
	public List<String> consoleErrors() {
		read();
		List<String> found = List.copyOf(consoleErrors);
		consoleErrors.clear();
		return found;
	}

	private void read() {
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
			if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
				consoleErrors.add(entry.getMessage());
			}
		}
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = JSON.readTree(entry.getMessage()).path("message");
			String method = message.path("method").asString("");
			JsonNode params = message.path("params");
			switch (method) {
				case "Network.requestWillBeSent" -> {
					String url = params.path("request").path("url").asString("");
					urls.put(params.path("requestId").asString(""), url);
					// chrome:// and devtools:// pages are the browser's own; data: and
					// blob: never leave the page.
					if (onTheNetwork(url) && !url.startsWith(base + "/")) {
						failures.add("request outside the server: " + url);
					}
				}
				case "Network.loadingFailed" -> {
					String url = urls.getOrDefault(params.path("requestId").asString(""), "");
					// A file saved from the page is a blob the browser hands to its
					// download manager, which ends the request as aborted; the
					// browser's own pages (chrome://, chrome-untrusted://) are not the
					// page's.
					if (onTheNetwork(url)) {
						failures.add("failed: " + params.path("errorText").asString("") + " " + url);
					}
				}
				case "Network.responseReceived" -> {
					int status = params.path("response").path("status").asInt(0);
					if (status >= 400) {
						failures.add(status + " " + params.path("response").path("url").asString(""));
					}
				}
				default -> {
				}
			}
		}
	}

	private static boolean onTheNetwork(String url) {
		return url.matches("(?i)(https?|wss?|ftp)://.*");
	}

	@Override
	public void close() {
		driver.quit();
	}

}
