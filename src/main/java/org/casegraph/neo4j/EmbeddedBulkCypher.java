package org.casegraph.neo4j;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/** {@link BulkCypher} on the embedded database, in-process. */
final class EmbeddedBulkCypher implements BulkCypher {

	private final GraphDatabaseService database;

	EmbeddedBulkCypher(GraphDatabaseService database) {
		this.database = database;
	}

	@Override
	public <T> T write(Function<Tx, T> work) {
		try (Transaction tx = database.beginTx()) {
			tag(tx);
			T result = work.apply(new InProcessTx(tx));
			tx.commit();
			return result;
		}
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
