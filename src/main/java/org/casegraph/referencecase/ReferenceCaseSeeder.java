package org.casegraph.referencecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.GraphWriter;
import org.casegraph.ingest.WriteCounts;
import org.casegraph.messaging.ContactAggregate;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.GraphSchema;
import org.casegraph.terms.TermListFile;
import org.casegraph.terms.TermLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
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

	static final String TERMS = "terms/reference-case.txt";

	static final String TERM_LIST = "reference-case";

	private static final String IS_EMPTY = "MATCH (n:Entity) RETURN count(n) = 0 AS empty LIMIT 1";

	private final BulkCypher cypher;

	private final SeedSettings settings;

	private final GraphWriter writer;

	private final ContactAggregate contacts;

	private final TermLists termLists;

	ReferenceCaseSeeder(BulkCypher cypher, SeedSettings settings, GraphSchema schema, GraphWriter writer,
			ContactAggregate contacts, TermLists termLists) {
		this.cypher = cypher;
		this.settings = settings;
		this.writer = writer;
		this.contacts = contacts;
		this.termLists = termLists;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!settings.referenceCase()) {
			return;
		}
		long started = System.nanoTime();
		if (cypher.read(tx -> (Boolean) tx.list(IS_EMPTY, Map.of()).getFirst().get("empty"))) {
			long generating = System.nanoTime();
			GraphBatch synthetic = SyntheticCase.generate(settings.syntheticSeed());
			log.debug("synthetic layer generated in {} ms", millisSince(generating));
			long writing = System.nanoTime();
			write(synthetic);
			log.debug("public facts and synthetic layer written in {} ms", millisSince(writing));
			long saving = System.nanoTime();
			saveTermList();
			log.debug("reference term list saved in {} ms", millisSince(saving));
			log.info("Loaded the reference case: public facts and {} synthetic nodes (seed {})",
					synthetic.nodes().size(), settings.syntheticSeed());
		}
		long counted = contacts.countPending();
		log.debug("reference case checked, seeded where empty and {} messages counted in {} ms", counted,
				millisSince(started));
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/**
	 * The reference term list ({@value #TERMS}), as version 1 of {@code reference-case}.
	 */
	private void saveTermList() {
		if (!termLists.all(TERM_LIST).isEmpty()) {
			return;
		}
		try (var in = new ClassPathResource(TERMS).getInputStream()) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			termLists.save(TERM_LIST, TermListFile.parse(TERMS, TERM_LIST, lines),
					"The reference case's placeholder terms", "casegraph");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Public facts first, then the synthetic layer that hangs on them; every statement is
	 * idempotent, so writing it again changes nothing.
	 */
	WriteCounts write(GraphBatch synthetic) {
		return cypher.write(tx -> {
			long facts = System.nanoTime();
			CypherScript.load(PUBLIC_FACTS).statements().forEach(statement -> tx.execute(statement, Map.of()));
			log.debug("public facts written in {} ms", millisSince(facts));
			return writer.write(tx, synthetic);
		});
	}

}
