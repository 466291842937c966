package org.casegraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the write-heavy Cypher of imports and of the who-messaged-whom aggregate in
 * transactions. With the embedded database it runs in-process: a batch of thousands of
 * rows then costs no Bolt encoding and decoding, which measured about two to four times
 * the cost of the writes themselves. With an external database it goes through the
 * driver. Rows come back as plain Java values (lists, not arrays) either way.
 */
public interface BulkCypher {

	<T> T write(Function<Tx, T> work);

	<T> T read(Function<Tx, T> work);

	/** One statement in a write transaction of its own. */
	default void write(String statement, Map<String, Object> parameters) {
		write(tx -> {
			tx.execute(statement, parameters);
			return null;
		});
	}

	/**
	 * One statement in a read transaction of its own, each row handed to {@code rows}.
	 */
	default void read(String statement, Map<String, Object> parameters, Consumer<Map<String, Object>> rows) {
		read(tx -> {
			tx.run(statement, parameters, rows);
			return null;
		});
	}

	/** Rows in runs of at most {@code size}, one statement's parameter each. */
	static <T> List<List<T>> chunks(List<T> rows, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int start = 0; start < rows.size(); start += size) {
			chunks.add(rows.subList(start, Math.min(rows.size(), start + size)));
		}
		return chunks;
	}

	/** One transaction. */
	interface Tx {

		/** Runs a statement and hands each row to {@code rows}. */
		void run(String statement, Map<String, Object> parameters, Consumer<Map<String, Object>> rows);

		default List<Map<String, Object>> list(String statement, Map<String, Object> parameters) {
			List<Map<String, Object>> rows = new ArrayList<>();
			run(statement, parameters, rows::add);
			return rows;
		}

		default void execute(String statement, Map<String, Object> parameters) {
			run(statement, parameters, row -> {
			});
		}

	}

}
