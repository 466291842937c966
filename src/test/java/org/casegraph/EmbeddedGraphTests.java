package org.casegraph;

import java.nio.file.Path;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real embedded Neo4j reached
 * over Bolt (port 0), with the reference case loaded into a fresh data directory. One
 * context (and database) is shared by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB" })
@AutoConfigureGraphQlTester
@Import({ CypherRoundTrips.class, AdminGraphQlTester.class })
public abstract class EmbeddedGraphTests {

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-test-audit-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
	}

}
