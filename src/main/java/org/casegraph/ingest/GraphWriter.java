package org.casegraph.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;

import org.springframework.stereotype.Component;

/**
 * Writes {@link GraphBatch}es with the idempotent statements of {@code cypher/ingest/},
 * thousands of rows per statement, and says what changed. A relationship whose end is
 * missing fails the whole transaction: input is validated before writing, so this only
 * guards against a bug.
 */
@Component
public class GraphWriter {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);

	static final int ROWS_PER_STATEMENT = 10_000;

	private final String nodes = CypherScript.load("cypher/ingest/nodes.cypher").single();

	private final String relationships = CypherScript.load("cypher/ingest/relationships.cypher").single();

	private final String existing = CypherScript.load("cypher/ingest/existing.cypher").single();

	private final String messages = CypherScript.load("cypher/ingest/messages.cypher").single();

	private final String caseWork = CypherScript.load("cypher/ingest/case-work.cypher").single();

	/**
	 * Nodes, then messages (which point at nodes), then relationships (which may point at
	 * both), then case work (which names them by id).
	 */
	public WriteCounts write(BulkCypher.Tx tx, GraphBatch batch) {
		return run(tx, nodes, batch.nodes()).plus(messages(tx, batch.messages()))
			.plus(run(tx, relationships, batch.relationships()))
			.plus(run(tx, caseWork, batch.caseWork()));
	}

	/** Messages already in the graph are left as they are; the others are created. */
	private WriteCounts messages(BulkCypher.Tx tx, List<Map<String, Object>> rows) {
		long started = System.nanoTime();
		WriteCounts counts = WriteCounts.NONE;
		for (var chunk : BulkCypher.chunks(rows, ROWS_PER_STATEMENT)) {
			Set<Object> known = new HashSet<>();
			tx.run(existing, Map.of("ids", chunk.stream().map(row -> row.get("id")).toList()),
					row -> known.add(row.get("id")));
			var fresh = chunk.stream().filter(row -> !known.contains(row.get("id"))).toList();
			long created = fresh.isEmpty() ? 0
					: ((Number) tx.list(messages, Map.of("rows", fresh)).getFirst().get("created")).longValue();
			if (created != fresh.size()) {
				throw new IllegalStateException(
						(fresh.size() - created) + " messages name a sender or group that does not exist");
			}
			counts = counts.plus("Message", new WriteCounts.Count(created, 0, known.size(), 0));
		}
		debug(started, rows.size(), messages);
		return counts;
	}

	private WriteCounts run(BulkCypher.Tx tx, String statement, List<Map<String, Object>> rows) {
		long started = System.nanoTime();
		WriteCounts counts = WriteCounts.NONE;
		for (var chunk : BulkCypher.chunks(rows, ROWS_PER_STATEMENT)) {
			for (var record : tx.list(statement, Map.of("rows", chunk))) {
				counts = counts.plus(count(record));
			}
		}
		debug(started, rows.size(), statement);
		return counts;
	}

	private static WriteCounts count(Map<String, Object> record) {
		String kind = (String) record.get("kind");
		long dangling = number(record, "dangling");
		if (dangling > 0) {
			throw new IllegalStateException(dangling + " " + kind + " relationships name a node that does not exist");
		}
		return WriteCounts.NONE.plus(kind, new WriteCounts.Count(number(record, "created"), number(record, "updated"),
				number(record, "unchanged"), 0));
	}

	private static long number(Map<String, Object> record, String key) {
		return ((Number) record.get(key)).longValue();
	}

	private static void debug(long started, int rows, String statement) {
		if (rows > 0 && log.isDebugEnabled()) {
			log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000,
					statement.lines().filter(line -> !line.startsWith("//")).findFirst().orElse(""));
		}
	}

}
