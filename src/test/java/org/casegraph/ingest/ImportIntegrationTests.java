package org.casegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.casegraph.EmptyGraphTests;
import org.casegraph.messaging.ContactAggregate;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every import test uses: the importer, the aggregate it keeps, the driver to look
 * at the result, and a folder for input files.
 */
public abstract class ImportIntegrationTests extends EmptyGraphTests {

	@Autowired
	protected Importer importer;

	@Autowired
	protected ContactAggregate contacts;

	@Autowired
	protected Driver driver;

	@TempDir
	protected Path temp;

	/**
	 * The aggregate matches the messages, by {@code check} and by a recount written apart
	 * from the aggregate's code.
	 */
	protected void assertTheAggregateMatchesTheMessages() {
		assertThat(contacts.check().passed()).isTrue();
		IndependentRecount.Comparison comparison = IndependentRecount.compare(cypher -> {
			try (var session = driver.session()) {
				return session.run(cypher).list(record -> record.asMap());
			}
		});
		assertThat(comparison.recounted()).isNotEmpty().isEqualTo(comparison.stored());
	}

	/**
	 * The graph shared with the other import tests, emptied (case work too), for a test
	 * that counts what an import creates whatever ran before it.
	 */
	protected void emptyGraph() {
		try (var session = driver.session()) {
			session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume();
		}
	}

	protected static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream());
	}

}
