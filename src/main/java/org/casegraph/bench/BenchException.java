package org.casegraph.bench;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark that cannot go on: the server refused or failed a request, or the database
 * lacks what the benchmark asks about. Its message is the one line the command prints.
 */
public class BenchException extends RuntimeException {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	BenchException(String message) {
		super(message);
	}

	BenchException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether an answer is not clean: a status other than 200, or an errors entry (a
	 * GraphQL error, or partial data with errors).
	 */
	static boolean failed(int status, String body) {
		return status != 200 || body.contains("\"errors\"");
	}

	/**
	 * A request {@code what} that was not answered cleanly: its HTTP status and the
	 * messages of its GraphQL errors (or the start of a body that is not GraphQL's).
	 */
	static BenchException refused(String what, int status, String body) {
		return new BenchException("%s was refused (HTTP %d): %s".formatted(what, status, reasons(body)));
	}

	private static String reasons(String body) {
		try {
			List<String> messages = new ArrayList<>();
			JSON.readTree(body).path("errors").forEach(error -> messages.add(error.path("message").asString()));
			if (!messages.isEmpty()) {
				return String.join("; ", messages);
			}
		}
		catch (JacksonException ex) {
			// Not JSON (an error page): its start says more than the parser would.
		}
		if (body.isBlank()) {
			return "no body";
		}
		return abbreviated(body);
	}

	/** An answer's first 300 characters, enough to say what went wrong. */
	static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
