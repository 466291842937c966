package org.casegraph;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the import tests: the application without its web server on a fresh embedded
 * database that starts empty (no reference case), shared by every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB",
				"casegraph.seed.reference-case=false",
				// Imports count the contact aggregate in large transactions; a loaded
				// test machine needs room.
				"casegraph.neo4j.transaction-timeout=300s" })
public abstract class EmptyGraphTests {

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-import-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-import-test-audit-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
	}

}
