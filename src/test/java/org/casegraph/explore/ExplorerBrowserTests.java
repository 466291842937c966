package org.casegraph.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.casegraph.network.Strangers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.neo4j.driver.Driver;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The explorer and GraphiQL in a real headless Chromium against the running server and
 * the reference case, with every host but the server unresolvable: each scenario ends
 * with no failed request and no console error, and leaves a screenshot under
 * {@code target/explorer-screenshots/}.
 */
class ExplorerBrowserTests extends EmbeddedGraphTests {

	private static final ZoneId CASE_ZONE = ZoneId.of("Europe/London");

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@BeforeAll
	static void chromium() {
		assumeTrue(Browser.missing() == null, () -> "Browser tests skipped: " + Browser.missing());
	}

	@BeforeEach
	void start() {
		if (browser == null) {
			browser = new Browser(port);
		}
	}

	/** What the page looked like when a scenario ended, passed or failed. */
	@AfterEach
	void keep(TestInfo test) {
		if (browser != null) {
			browser.screenshot("end-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("unknown"));
		}
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void theImpactTeamsNetworkFor2016IsDrawnWithAsManyNodesAndEdgesAsGraphQlReturns() {
		browser.open("/explore?unit=unit:impact&from=2016-01-01&to=2016-12-31");

		JsonNode answer = contactNetwork("2016-01-01", "2016-12-31");
		assertThat(browser.number("return explorer.cy.nodes().length")).isEqualTo(answer.path("nodes").size())
			.isPositive();
		assertThat(browser.number("return explorer.cy.edges().length")).isEqualTo(answer.path("edges").size())
			.isPositive();
		assertThat(browser.find("#status").getText())
			.contains(answer.path("nodes").size() + " nodes, " + answer.path("edges").size() + " edges");
		assertThat(browser.find("#legend").getText()).contains("Officer");
		browser.click("#legend button[data-kind=Officer]");
		eventually("return explorer.cy.nodes(':visible').length", 0L);
		browser.click("#legend button[data-kind=Officer]");
		eventually("return explorer.cy.nodes(':visible').length", (long) answer.path("nodes").size());

		browser.click("#outside");
		browser.settled();
		assertThat(browser.currentUrl()).endsWith("&outside=true");
		assertThat(browser.number("return explorer.cy.nodes('[?outside]').length")).isPositive();
		assertThat(browser.number("return explorer.cy.nodes().length"))
			.isEqualTo(contactNetwork("2016-01-01", "2016-12-31", true).path("nodes").size());
		browser.driver().navigate().back();
		browser.settled();
		browser.click("#direct");
		browser.settled();
		assertThat(browser.currentUrl()).endsWith("&direct=true");
		assertThat(browser.number("return explorer.cy.edges().length"))
			.isEqualTo(contactNetwork("2016-01-01", "2016-12-31", false, "[DIRECT]").path("edges").size())
			.isLessThan(answer.path("edges").size());
		browser.driver().navigate().back();
		browser.settled();
		assertThat(browser.find("#window-label").getText()).startsWith("2016-01 to 2016-12");
		browser.clickNode("officer:a");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until(d -> browser.text("#details").contains("Timeline ("));
		browser.screenshot("impact-2016");
		assertClean();
	}

	@Test
	void clickingAPersonShowsEveryPropertyItsSourcesNotesAndTimeline() {
		var added = new Http(port).graphQl(
				"mutation { addNote(entityId: \"officer:a\", text: \"Seen at the station on 3 May\") { __typename } }");
		assertThat(added.body()).contains("\"Note\"");
		browser.open("/explore?ids=officer:a");
		browser.clickNode("officer:a");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until(d -> browser.text("#details").contains("Timeline ("));

		String details = browser.text("#details");
		assertThat(details).contains("Officer: Officer A").contains("id").contains("officer:a");
		assertThat(details).containsPattern("Sources \\([1-9]");
		assertThat(details).containsPattern("Timeline \\([1-9][0-9]* events\\)");
		assertThat(details).containsPattern("Notes \\([1-9]").contains("local: Seen at the station on 3 May");
		browser.screenshot("details-panel");
		assertClean();
	}

	@Test
	void doubleClickingExpandsOneHopKeepingPositionsAndNeverDuplicatingAnId() {
		browser.open("/explore?ids=officer:a");
		Map<String, double[]> before = positions();
		String neighbour = (String) browser
			.script("return explorer.cy.nodes('[kind = \"ChatGroup\"]').first().id() || explorer.cy.nodes()"
					+ ".filter(n => n.id() !== 'officer:a').first().id()");

		browser.doubleClickNode(neighbour);

		Map<String, double[]> after = positions();
		assertThat(after).hasSizeGreaterThan(before.size());
		assertThat(browser.number("return new Set(explorer.cy.elements().map(e => e.id())).size"))
			.isEqualTo(browser.number("return explorer.cy.elements().length"));
		before.forEach((id, position) -> {
			assertThat(after.get(id)[0]).as("x of %s", id).isCloseTo(position[0], within(0.5));
			assertThat(after.get(id)[1]).as("y of %s", id).isCloseTo(position[1], within(0.5));
		});
		assertThat(browser.script("return explorer.expanded")).isEqualTo(List.of(neighbour));
		browser.screenshot("expanded");
		assertClean();
	}

	@Test
	void aCappedHubCarriesABadgeAndTheTruncationIsShown() {
		browser.open("/explore?ids=group:impact-chat");

		assertThat(browser.script("return explorer.cy.getElementById('group:impact-chat').hasClass('capped')"))
			.isEqualTo(true);
		assertThat(browser.script("return explorer.cy.getElementById('group:impact-chat').style('label')")).asString()
			.endsWith("[+]");
		assertThat(browser.find("#warning").isDisplayed()).isTrue();
		assertThat(browser.find("#warning").getText()).contains("more than 25 neighbours");
		browser.screenshot("capped-hub");
		assertClean();
	}

	@Test
	void aSearchHitIsAddedWithItsNeighbours() {
		browser.open("/explore?ids=officer:a");
		long before = browser.number("return explorer.cy.nodes().length");
		assertThat(browser.script("return explorer.cy.getElementById('borough:westminster').empty()")).isEqualTo(true);

		browser.find("#search-text").sendKeys("Westminster");
		browser.click("#search button[type=submit]");
		browser.settled();
		browser.click("#search-hits li[data-id='borough:westminster']");
		browser.settled();

		assertThat(browser.script("return explorer.cy.getElementById('borough:westminster').selected()"))
			.isEqualTo(true);
		assertThat(browser.number("return explorer.cy.nodes().length")).isGreaterThan(before + 1);
		browser.screenshot("search");
		assertClean();
	}

	@Test
	void pathShowsTheShortestPathsBetweenTwoOfficersWhoNeverMessagedAndFadesTheRest() {
		Map<String, Object> strangers = Strangers.twoOfficers(driver);
		browser.open("/explore?ids=" + strangers.get("a") + "," + strangers.get("b"));
		browser.script(
				"explorer.cy.getElementById(arguments[0]).select(); explorer.cy.getElementById(arguments[1]).select()",
				strangers.get("a"), strangers.get("b"));

		browser.click("[data-action=path]");
		browser.settled();

		assertThat(browser.find("#status").getText()).containsPattern("shortest paths? of [2-9] steps");
		assertThat(browser.number("return explorer.cy.edges('.on-path').length")).isGreaterThanOrEqualTo(2);
		assertThat(browser.number("return explorer.cy.elements('.faded').length")).isPositive();
		assertThat(browser.script("""
				return explorer.cy.edges('.on-path').some(e =>
				  [e.source().id(), e.target().id()].sort().join() === [arguments[0], arguments[1]].sort().join())
				""", strangers.get("a"), strangers.get("b"))).isEqualTo(false);
		browser.screenshot("path");
		assertClean();
	}

	@Test
	void pathSaysSoWhenThereIsNone() {
		browser.open("/explore?ids=officer:a,borough:westminster");
		browser.script(
				"explorer.cy.getElementById('officer:a').select(); explorer.cy.getElementById('borough:westminster').select()");
		browser.click("#path-time-ordered");
		long before = browser.number("return explorer.cy.elements().length");

		browser.click("[data-action=path]");
		browser.settled();

		assertThat(browser.text("#status"))
			.isEqualTo("No path between officer:a and borough:westminster in time order.");
		assertThat(browser.number("return explorer.cy.elements('.on-path, .faded').length")).isZero();
		assertThat(browser.number("return explorer.cy.elements().length")).isEqualTo(before);
		assertClean();
	}

	@Test
	void movingTheTimeBarAsksForTheNewWindowAndTheAddressAndCountsFollow() {
		browser.open("/explore?unit=unit:impact&from=2016-01-01&to=2016-12-31");
		var to = browser.find("#range-to");
		for (int i = 0; i < 6; i++) {
			to.sendKeys(Keys.ARROW_LEFT);
		}
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until(d -> browser.currentUrl().contains("to=2016-06-30"));
		browser.settled();

		JsonNode answer = contactNetwork("2016-01-01", "2016-06-30");
		assertThat(browser.currentUrl()).contains("from=2016-01-01");
		assertThat(browser.number("return explorer.cy.nodes().length")).isEqualTo(answer.path("nodes").size());
		assertThat(browser.number("return explorer.cy.edges().length")).isEqualTo(answer.path("edges").size())
			.isLessThan(contactNetwork("2016-01-01", "2016-12-31").path("edges").size());
		assertThat(browser.find("#window-label").getText()).startsWith("2016-01 to 2016-06");
		browser.screenshot("time-bar");
		assertClean();
	}

	@Test
	void playStepsTheWindowMonthByMonth() {
		browser.open("/explore?unit=unit:impact&from=2016-01-01&to=2016-03-31");
		browser.click("#play");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
			.until(d -> browser.currentUrl().contains("from=2016-02-01&to=2016-04-30"));
		browser.click("#play");
		browser.settled();

		assertThat(browser.find("#play").getText()).isEqualTo("Play");
		assertThat(browser.number("return explorer.cy.edges().length"))
			.isEqualTo(contactNetwork(browser.currentUrl().contains("from=2016-03-01") ? "2016-03-01" : "2016-02-01",
					browser.currentUrl().contains("from=2016-03-01") ? "2016-05-31" : "2016-04-30")
				.path("edges")
				.size());
		assertClean();
	}

	@Test
	void hidePinFitAndShowAllWorkOnTheSelection() {
		browser.open("/explore?ids=officer:a");
		String hidden = firstNodeOtherThan("officer:a");
		browser.script("explorer.cy.getElementById(arguments[0]).select()", hidden);
		browser.click("[data-action=hide]");
		eventually("return explorer.cy.getElementById(arguments[0]).visible()", false, hidden);

		browser.clickNode("officer:a");
		browser.click("[data-action=pin]");
		double[] pinned = positions().get("officer:a");
		browser.dragNode("officer:a", 120, 80);
		assertThat(positions().get("officer:a")).containsExactly(pinned, within(0.01));

		browser.script("explorer.cy.zoom(3); explorer.cy.pan({x: -2000, y: -2000})");
		browser.click("[data-action=fit]");
		assertThat(browser.script("""
				const box = explorer.cy.extent();
				return explorer.cy.nodes(':visible').every(n => {
				  const p = n.position();
				  return p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
				});
				""")).isEqualTo(true);

		browser.click("[data-action=show-all]");
		eventually("return explorer.cy.getElementById(arguments[0]).visible()", true, hidden);
		browser.click("[data-action=undo]");
		eventually("return explorer.cy.getElementById(arguments[0]).visible()", false, hidden);
		browser.screenshot("hide-pin-fit");
		assertClean();
	}

	@Test
	void pngExportSavesAPngFile() throws Exception {
		browser.open("/explore?unit=unit:impact&from=2016-01-01&to=2016-12-31");
		browser.click("[data-action=png]");

		byte[] png = Files.readAllBytes(browser.downloaded("casegraph.png"));
		assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
		assertThat(png.length).isGreaterThan(10_000);

		browser.click("[data-action=gexf]");
		assertThat(Files.readString(browser.downloaded("casegraph.gexf"))).startsWith("<?xml")
			.contains("<gexf")
			.contains("officer:a");
		browser.click("[data-action=graphml]");
		assertThat(Files.readString(browser.downloaded("casegraph.graphml"))).contains("<graphml");
		browser.click("[data-action=cytoscape]");
		assertThat(Files.readString(browser.downloaded("casegraph-cytoscape.json"))).contains("\"elements\"");
		assertClean();
	}

	@Test
	void aSavedViewLoadsBackToTheSameIdsAndPositions() throws Exception {
		browser.open("/explore?ids=officer:a");
		browser.doubleClickNode(firstNodeOtherThan("officer:a"));
		browser.dragNode("officer:a", 60, -40);
		String hidden = firstNodeOtherThan("officer:a");
		browser.script("explorer.cy.getElementById(arguments[0]).select()", hidden);
		browser.click("[data-action=hide]");
		Map<String, double[]> saved = positions();
		browser.click("[data-action=save-view]");
		Path view = browser.downloaded("casegraph-view.json");

		browser.open("/explore");
		assertThat(browser.number("return explorer.cy.nodes().length")).isZero();
		browser.find("#load-view").sendKeys(view.toAbsolutePath().toString());
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
			.until(d -> browser.number("return explorer.cy.nodes().length") == saved.size());
		browser.settled();

		Map<String, double[]> loaded = positions();
		assertThat(loaded.keySet()).isEqualTo(saved.keySet());
		saved.forEach((id, position) -> {
			assertThat(loaded.get(id)[0]).as("x of %s", id).isCloseTo(position[0], within(1.0));
			assertThat(loaded.get(id)[1]).as("y of %s", id).isCloseTo(position[1], within(1.0));
		});
		eventually("return explorer.cy.getElementById(arguments[0]).visible()", false, hidden);
		assertThat(browser.currentUrl()).endsWith("/explore?ids=officer:a");
		browser.screenshot("saved-view");
		assertClean();
	}

	@Test
	void theTableViewExpandsANodeFromTheKeyboard() {
		browser.open("/explore?ids=officer:a");
		long before = browser.number("return explorer.cy.nodes().length");
		browser.click("[data-action=table]");
		var focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getTagName()).isEqualTo("tr");
		focused.sendKeys(Keys.ARROW_DOWN);
		var row = browser.driver().switchTo().activeElement();
		String id = row.getAttribute("data-id");
		row.sendKeys("e");
		browser.settled();

		assertThat(browser.script("return explorer.expanded")).isEqualTo(List.of(id));
		assertThat(browser.number("return explorer.cy.nodes().length")).isGreaterThan(before);
		assertThat(browser.find("#table").getText())
			.contains("Nodes (" + browser.number("return explorer.cy.nodes().length") + ")");
		browser.screenshot("table");
		assertClean();
	}

	@Test
	void graphiqlRunsAQueryFromTheJarAlone() {
		browser.visit("/graphiql");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
			.until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".graphiql-execute-button")).isEmpty());
		browser.click(".graphiql-execute-button");
		new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
			.until(d -> browser.find(".result-window").getText().contains("officer:"));

		assertThat(browser.find(".top a[href='/explore']").getText()).isEqualTo("Explorer");
		browser.screenshot("graphiql");
		assertClean();
	}

	/**
	 * Waits for a script to give a value: Cytoscape.js restyles on its next frame, so
	 * what is visible follows a step a moment later.
	 */
	private void eventually(String script, Object expected, Object... arguments) {
		try {
			new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
				.until(d -> expected.equals(browser.script(script, arguments)));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			assertThat(browser.script(script, arguments)).as(script).isEqualTo(expected);
		}
	}

	private JsonNode contactNetwork(String from, String to) {
		return contactNetwork(from, to, false);
	}

	private JsonNode contactNetwork(String from, String to, boolean outside) {
		return contactNetwork(from, to, outside, "[DIRECT, GROUP]");
	}

	private JsonNode contactNetwork(String from, String to, boolean outside, String via) {
		DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		String start = ZonedDateTime.of(LocalDate.parse(from), LocalTime.MIDNIGHT, CASE_ZONE).format(iso);
		String end = ZonedDateTime.of(LocalDate.parse(to), LocalTime.of(23, 59, 59, 999_000_000), CASE_ZONE)
			.format(iso);
		String query = "{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, from: \"%s\", to: \"%s\", includeOutside: %s, via: %s) { nodes { id } edges { id } } }"
			.formatted(start, end, outside, via);
		var response = new Http(port).graphQl(query);
		assertThat(response.statusCode()).isEqualTo(200);
		return Http.JSON.readTree(response.body()).path("data").path("contactNetwork");
	}

	@SuppressWarnings("unchecked")
	private Map<String, double[]> positions() {
		Map<String, Map<String, Number>> raw = (Map<String, Map<String, Number>>) browser
			.script("return Object.fromEntries(explorer.cy.nodes().map(n => [n.id(), n.position()]))");
		Map<String, double[]> positions = new HashMap<>();
		raw.forEach((id, p) -> positions.put(id, new double[] { p.get("x").doubleValue(), p.get("y").doubleValue() }));
		return positions;
	}

	private String firstNodeOtherThan(String id) {
		return (String) browser.script(
				"return explorer.cy.nodes(':visible').filter(n => n.id() !== arguments[0]).sort((a, b) => a.id() < b.id() ? -1 : 1).first().id()",
				id);
	}

	private void assertClean() {
		assertThat(browser.failedRequests()).as("failed requests").isEmpty();
		assertThat(browser.consoleErrors()).as("console errors").isEmpty();
	}

}
