package org.casegraph.neo4j;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;

/**
 * Who a unit of work runs for: {@code {requestId, user}}, attached to every transaction
 * the application runs, so that {@code SHOW TRANSACTIONS} (and an Enterprise server's
 * query log) tie each one to the request and the person behind it. Set for the duration
 * of a request or a command; carried across the threads a GraphQL request runs on by
 * context propagation.
 */
public final class TransactionMetadata {

	/** Attaches {@code $metadata} to the transaction it runs in. */
	static final String ATTACH = "CALL tx.setMetaData($metadata)";

	private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

	static {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(TransactionMetadata.class.getName(), CURRENT::get, CURRENT::set,
					CURRENT::remove);
	}

	private TransactionMetadata() {
	}

	public static void set(String requestId, String user) {
		CURRENT.set(Map.of("requestId", requestId, "user", user));
	}

	/**
	 * A command's: a request id of its own and the user who ran it ({@code cli:<login>}),
	 * as a server request's carry its caller.
	 */
	public static void setForCommandLine() {
		set(UUID.randomUUID().toString(), "cli:" + System.getProperty("user.name"));
	}

	/**
	 * {@code work} run with {@code metadata} as this thread's (a request's, on a thread
	 * reading for it), and what was before put back.
	 */
	static <T> T during(Map<String, Object> metadata, Supplier<T> work) {
		Map<String, Object> before = CURRENT.get();
		CURRENT.set(metadata);
		try {
			return work.get();
		}
		finally {
			CURRENT.set(before);
		}
	}

	public static void clear() {
		CURRENT.remove();
	}

	/** The metadata of the current unit of work, or null outside one. */
	public static Map<String, Object> current() {
		return CURRENT.get();
	}

}
