package org.casegraph.ingest;

import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.GraphSchema;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the reference case into an empty database when the server starts, before it takes
 * requests, in one transaction: a crash part-way leaves the database empty, and the next
 * start loads it again. A database that holds anything is left alone, so restarts never
 * seed twice and a user's own data never gains the reference case. It takes the
 * {@link GraphSchema} so that migrations are applied first.
 */
@Component
class ReferenceCaseSeeder implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ReferenceCaseSeeder.class);

	static final String PUBLIC_FACTS = "cypher/seed/reference-case.cypher";

	private static final String IS_EMPTY = "MATCH (n:Entity) RETURN count(n) = 0 AS empty LIMIT 1";

	private static final int BATCH = 2_000;

	private final Driver driver;

	private final SeedSettings settings;

	ReferenceCaseSeeder(Driver driver, SeedSettings settings, GraphSchema schema) {
		this.driver = driver;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!settings.referenceCase()) {
			return;
		}
		try (Session session = driver.session()) {
			if (!session.executeRead(tx -> tx.run(IS_EMPTY).single().get("empty").asBoolean())) {
				return;
			}
			GraphBatch synthetic = SyntheticCase.generate(settings.syntheticSeed());
			session.executeWriteWithoutResult(tx -> write(tx, synthetic));
			log.info("Loaded the reference case: public facts and {} synthetic nodes (seed {})",
					synthetic.nodes().size(), settings.syntheticSeed());
		}
	}

	/**
	 * Public facts first, then the synthetic layer that hangs on them; every statement is
	 * idempotent.
	 */
	static void write(TransactionContext tx, GraphBatch synthetic) {
		CypherScript.load(PUBLIC_FACTS).statements().forEach(statement -> tx.run(statement).consume());
		String nodes = CypherScript.load("cypher/seed/nodes.cypher").single();
		String relationships = CypherScript.load("cypher/seed/relationships.cypher").single();
		inBatches(synthetic.nodes(), rows -> tx.run(nodes, Map.of("rows", rows)).consume());
		inBatches(synthetic.relationships(), rows -> tx.run(relationships, Map.of("rows", rows)).consume());
	}

	private static void inBatches(List<Map<String, Object>> rows, java.util.function.Consumer<List<?>> writer) {
		for (int start = 0; start < rows.size(); start += BATCH) {
			writer.accept(rows.subList(start, Math.min(rows.size(), start + BATCH)));
		}
	}

}
