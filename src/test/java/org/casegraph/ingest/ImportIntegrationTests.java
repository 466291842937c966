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
public abstract class ImportIntegrationTests extends EmptyGraphTests {

	@Autowired
	protected Importer importer;

	@Autowired
	protected ContactAggregate contacts;

	@Autowired
	protected Driver driver;

	@TempDir
	protected Path temp;

	protected static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream());
	}

}
