package org.casegraph.referencecase;

import java.util.Map;

import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.GraphWriter;
import org.casegraph.ingest.WriteCounts;
import org.casegraph.messaging.ContactAggregate;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.GraphSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the reference case into an empty database when the server starts, before it takes
 * requests, in one transaction: a crash part-way leaves the database empty, and the next
 * start loads it again. The who-messaged-whom contacts of its messages are counted next,
 * and at every start while any are pending. A database that holds anything is left alone,
 * so restarts never seed twice and a user's own data never gains the reference case. It
 * takes the {@link GraphSchema} so that migrations are applied first.
 */
@Component
class ReferenceCaseSeeder implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ReferenceCaseSeeder.class);

	static final String PUBLIC_FACTS = "cypher/seed/reference-case.cypher";

	private static final String IS_EMPTY = "MATCH (n:Entity) RETURN count(n) = 0 AS empty LIMIT 1";

	private final BulkCypher cypher;

	private final SeedSettings settings;

	private final GraphWriter writer;

	private final ContactAggregate contacts;

	ReferenceCaseSeeder(BulkCypher cypher, SeedSettings settings, GraphSchema schema, GraphWriter writer,
			ContactAggregate contacts) {
		this.cypher = cypher;
		this.settings = settings;
		this.writer = writer;
		this.contacts = contacts;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!settings.referenceCase()) {
			return;
		}
		if (cypher.read(tx -> (Boolean) tx.list(IS_EMPTY, Map.of()).getFirst().get("empty"))) {
			GraphBatch synthetic = SyntheticCase.generate(settings.syntheticSeed());
			write(synthetic);
			log.info("Loaded the reference case: public facts and {} synthetic nodes (seed {})",
					synthetic.nodes().size(), settings.syntheticSeed());
		}
		contacts.countPending();
	}

	/**
	 * Public facts first, then the synthetic layer that hangs on them; every statement is
	 * idempotent, so writing it again changes nothing.
	 */
	WriteCounts write(GraphBatch synthetic) {
		return cypher.write(tx -> {
			CypherScript.load(PUBLIC_FACTS).statements().forEach(statement -> tx.execute(statement, Map.of()));
			return writer.write(tx, synthetic);
		});
	}

}
