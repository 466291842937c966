package org.casegraph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests to the running server as a client sends them, with or without a login. */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Http(int port) {
		this.port = port;
	}

	/** The same client, logged in with HTTP Basic. */
	public Http as(String user, String password) {
		return with("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** The same client, sending a header with each request. */
	public Http with(String name, String value) {
		Http copy = new Http(port);
		copy.headers.putAll(headers);
		copy.headers.put(name, value);
		return copy;
	}

	public HttpResponse<String> graphQl(String query) {
		return post("/graphql", JSON.writeValueAsString(Map.of("query", query)));
	}

	public HttpResponse<String> graphQl(String query, Map<String, Object> variables) {
		return post("/graphql", JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
	}

	public HttpResponse<String> post(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A JSON body sent in chunks, without saying its length first. */
	public HttpResponse<String> postChunked(String path, byte[] body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** The audit entry a response's request left in an audit directory. */
	public static JsonNode auditEntry(Path directory, HttpResponse<String> response) throws IOException {
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					if (line.contains("\"requestId\":\"" + id + "\"")) {
						return JSON.readTree(line);
					}
				}
			}
		}
		throw new AssertionError("no audit entry for request " + id);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * No answer of the server, to any test, may carry a stack trace or an exception's
	 * class.
	 */
	private static void requireNoStackTrace(HttpResponse<String> response) {
		String body = response.body();
		if (body != null && (body.contains("\tat ")
				|| body.matches("(?s).*\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*"))) {
			throw new AssertionError(request(response) + " answered with a stack trace or an exception: " + body);
		}
	}

	private static String request(HttpResponse<String> response) {
		return response.request().method() + " " + response.uri();
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		headers.forEach(builder::header);
		return builder;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			HttpResponse<String> response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			requireNoStackTrace(response);
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
