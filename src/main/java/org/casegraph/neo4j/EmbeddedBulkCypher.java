package org.casegraph.neo4j;

import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/** {@link BulkCypher} on the embedded database, in-process. */
final class EmbeddedBulkCypher implements BulkCypher {

	private final GraphDatabaseService database;

	EmbeddedBulkCypher(GraphDatabaseService database) {
		this.database = database;
	}

	/**
	 * A write stopped by a deadlock with another writer (two investigators tagging at
	 * once) or by waiting too long for a lock is run again, as the driver's managed
	 * transactions run an external database's: soon at first, then less often, for up to
	 * 30 seconds. Other transient failures (a transaction terminated, a database shutting
	 * down) are not: there, running again only delays the error.
	 */
	private static final RetryTemplate LOCK_FAILURES = new RetryTemplate(RetryPolicy.builder()
		.predicate(EmbeddedBulkCypher::lockFailure)
		.maxRetries(Long.MAX_VALUE)
		.timeout(Duration.ofSeconds(30))
		.delay(Duration.ofMillis(10))
		.multiplier(2)
		.maxDelay(Duration.ofSeconds(1))
		.jitter(Duration.ofMillis(5))
		.build());

	@Override
	public <T> T write(Function<Tx, T> work) {
		return LOCK_FAILURES.invoke(() -> writeOnce(work));
	}

	private <T> T writeOnce(Function<Tx, T> work) {
		try (Transaction tx = database.beginTx()) {
			tag(tx);
			T result = work.apply(new InProcessTx(tx));
			tx.commit();
			return result;
		}
	}

	/**
	 * Whether a failure, or one it was caused by, is a deadlock or a lock not acquired in
	 * time.
	 */
	private static boolean lockFailure(Throwable failure) {
		// Throwable.getCause gives null, never the failure itself, so the chain ends.
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Status.HasStatus status && (status.status() == Status.Transaction.DeadlockDetected
					|| status.status() == Status.Transaction.LockAcquisitionTimeout)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public <T> T read(Function<Tx, T> work) {
		try (Transaction tx = database.beginTx()) {
			tag(tx);
			return work.apply(new InProcessTx(tx));
		}
	}

	/**
	 * Set on the transaction itself (an embedded database's transactions are all
	 * {@link InternalTransaction}s), not by {@code CALL tx.setMetaData}: that procedure
	 * looks for its transaction among every open one and fails with "The transaction has
	 * been closed" when another closes meanwhile (seen in a kill -9 test, whose Bolt
	 * client polled while the import wrote).
	 */
	private static void tag(Transaction tx) {
		Map<String, Object> metadata = TransactionMetadata.current();
		if (metadata != null) {
			((InternalTransaction) tx).setMetaData(metadata);
		}
	}

	private record InProcessTx(Transaction tx) implements Tx {

		@Override
		public void run(String statement, Map<String, Object> parameters, Consumer<Map<String, Object>> rows) {
			try (Result result = tx.execute(statement, parameters)) {
				while (result.hasNext()) {
					rows.accept(plain(result.next()));
				}
			}
		}

		private static Map<String, Object> plain(Map<String, Object> row) {
			Map<String, Object> copy = new HashMap<>();
			row.forEach((key, value) -> copy.put(key, plainValue(value)));
			return copy;
		}

		/** Property arrays come back as Java arrays in-process and as lists over Bolt. */
		@SuppressWarnings("unchecked")
		private static Object plainValue(Object value) {
			if (value != null && value.getClass().isArray()) {
				List<Object> list = new ArrayList<>(Array.getLength(value));
				for (int i = 0; i < Array.getLength(value); i++) {
					list.add(Array.get(value, i));
				}
				return list;
			}
			return switch (value) {
				case List<?> list -> list.stream().map(InProcessTx::plainValue).toList();
				case Map<?, ?> map -> plain((Map<String, Object>) map);
				case null, default -> value;
			};
		}

	}

}
