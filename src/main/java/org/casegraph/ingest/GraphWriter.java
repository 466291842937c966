package org.casegraph.ingest;

import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/**
 * Writes {@link GraphBatch}es with the idempotent statements of {@code cypher/ingest/},
 * thousands of rows per statement, and says what changed. A relationship whose end is
 * missing fails the whole transaction: input is validated before writing, so this only
 * guards against a bug.
 */
@Component
class GraphWriter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);

	static final int ROWS_PER_STATEMENT = 5_000;

	private final String nodes = CypherScript.load("cypher/ingest/nodes.cypher").single();

	private final String relationships = CypherScript.load("cypher/ingest/relationships.cypher").single();

	private final String messages = CypherScript.load("cypher/ingest/messages.cypher").single();

	/**
	 * Nodes, then messages (which point at nodes), then relationships (which may point at
	 * both).
	 */
	WriteCounts write(TransactionContext tx, GraphBatch batch) {
		return run(tx, nodes, batch.nodes()).plus(run(tx, messages, batch.messages()))
			.plus(run(tx, relationships, batch.relationships()));
	}

	private WriteCounts run(TransactionContext tx, String statement, List<Map<String, Object>> rows) {
		long started = System.nanoTime();
		WriteCounts counts = WriteCounts.NONE;
		for (int start = 0; start < rows.size(); start += ROWS_PER_STATEMENT) {
			var chunk = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_STATEMENT));
			for (var record : tx.run(statement, Map.of("rows", chunk)).list()) {
				if (record.get("dangling").asLong() > 0) {
					throw new IllegalStateException(record.get("dangling").asLong() + " "
							+ record.get("kind").asString() + " relationships name a node that does not exist");
				}
				counts = counts.plus(record.get("kind").asString(),
						new WriteCounts.Count(record.get("created").asLong(), record.get("updated").asLong(),
								record.get("unchanged").asLong(), 0));
			}
		}
		if (!rows.isEmpty() && log.isDebugEnabled()) {
			log.debug("{} rows in {} ms: {}", rows.size(), (System.nanoTime() - started) / 1_000_000,
					statement.lines().filter(line -> !line.startsWith("//")).findFirst().orElse(""));
		}
		return counts;
	}

}
