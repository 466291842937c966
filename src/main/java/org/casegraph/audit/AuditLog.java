package org.casegraph.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.TransactionMetadata;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;

import org.springframework.stereotype.Component;

/**
 * Records who consulted what: each GraphQL operation, download, report run, login, audit
 * read and command-line job becomes one entry of the {@link AuditTrail} in
 * {@code casegraph.audit.directory}, written before the answer leaves.
 */
@Component
public class AuditLog implements AutoCloseable {

	private final AuditTrail trail;

	AuditLog(AuditSettings settings) {
		this.trail = new AuditTrail(settings.directory());
	}

	public AuditTrail trail() {
		return trail;
	}

	/** Closes the trail's file when the application stops. */
	@Override
	public void close() {
		trail.close();
	}

	/**
	 * Writes an entry for a request; throws {@link AuditUnavailableException} when it
	 * cannot.
	 */
	public long record(Request request) {
		Map<String, Object> fields = new LinkedHashMap<>();
		Caller caller = request.caller();
		fields.put("actor", Map.of("name", caller.name(), "roles",
				caller.roles().stream().map(Enum::name).sorted().toList(), "authenticatedBy", caller.method()));
		fields.put("client", client(request));
		fields.put("channel", request.channel());
		fields.put("requestId", request.requestId());
		fields.put("operation", request.operation());
		fields.put("documentHash", request.documentHash());
		fields.put("variablesHash", request.variablesHash());
		Disclosure disclosure = request.disclosure();
		fields.put("entities", Map.of("ids", disclosure.returnedIds(), "total", disclosure.returnedTotal()));
		fields.put("disclosed", disclosure.disclosedIds());
		fields.put("redacted", disclosure.redactedCounts());
		if (!disclosure.changes().isEmpty()) {
			fields.put("changes", disclosure.changes());
		}
		if (!disclosure.denials().isEmpty()) {
			fields.put("denials", disclosure.denials());
		}
		if (caller.justification() != null) {
			fields.put("justification", caller.justification());
		}
		fields.put("outcome", request.outcome());
		fields.put("status", request.status());
		fields.put("durationMs", request.durationMs());
		if (!request.details().isEmpty()) {
			fields.put("details", request.details());
		}
		return trail.append(fields);
	}

	private static Map<String, Object> client(Request request) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("address", request.address());
		client.put("userAgent", request.userAgent());
		return client;
	}

	/**
	 * One request, as the trail records it.
	 *
	 * @param caller who asked
	 * @param channel graphql, download, report, audit, login or cli
	 * @param requestId the request's id, also in the database transactions it ran
	 * @param operation the GraphQL operation name, the route or the command
	 * @param documentHash SHA-256 of the GraphQL document (or of the query string)
	 * @param variablesHash SHA-256 of the variables as sent, or null
	 * @param address the client's address
	 * @param userAgent the client's user agent
	 * @param disclosure what it gave out and withheld
	 * @param outcome success, denied, error or limit
	 * @param status the HTTP status or exit status
	 * @param durationMs how long it took
	 * @param details anything else worth keeping (a command's arguments)
	 */
	public record Request(Caller caller, String channel, String requestId, String operation, String documentHash,
			String variablesHash, String address, String userAgent, Disclosure disclosure, String outcome, int status,
			long durationMs, Map<String, Object> details) {

		public Request {
			details = (details == null) ? Map.of() : Map.copyOf(details);
		}

		/** A job of the command line. */
		public static Request commandLine(String command, List<String> arguments, String outcome, int status,
				long durationMs) {
			Map<String, Object> metadata = TransactionMetadata.current();
			String requestId = (metadata != null) ? String.valueOf(metadata.get("requestId"))
					: java.util.UUID.randomUUID().toString();
			return new Request(Caller.commandLine(System.getProperty("user.name")), "cli", requestId, command, null,
					null, "local", "casegraph", new Disclosure(), outcome, status, durationMs,
					Map.of("arguments", arguments));
		}

	}

}
