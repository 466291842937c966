package org.casegraph.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.casegraph.EmptyGraphTests;
import org.casegraph.messaging.ContactAggregate;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every import test uses: the importer, the aggregate it keeps, the driver to look
 * at the result, and a folder for input files.
 */
abstract class ImportIntegrationTests extends EmptyGraphTests {

	@Autowired
	Importer importer;

	@Autowired
	ContactAggregate contacts;

	@Autowired
	Driver driver;

	@TempDir
	Path temp;

	static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream());
	}

}
