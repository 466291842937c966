package org.casegraph.ingest;

import org.casegraph.messaging.ContactAggregate;
import org.casegraph.neo4j.CypherScript;
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

	private final Driver driver;

	private final SeedSettings settings;

	private final GraphWriter writer;

	private final ContactAggregate contacts;

	ReferenceCaseSeeder(Driver driver, SeedSettings settings, GraphSchema schema, GraphWriter writer,
			ContactAggregate contacts) {
		this.driver = driver;
		this.settings = settings;
		this.writer = writer;
		this.contacts = contacts;
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
	 * Public facts first, then the synthetic layer that hangs on them, then the contacts
	 * of new messages; every statement is idempotent, so writing it again changes
	 * nothing.
	 */
	WriteCounts write(TransactionContext tx, GraphBatch synthetic) {
		CypherScript.load(PUBLIC_FACTS).statements().forEach(statement -> tx.run(statement).consume());
		WriteCounts counts = writer.write(tx, synthetic);
		contacts.countPending(tx);
		return counts;
	}

}
