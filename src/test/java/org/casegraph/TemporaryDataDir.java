package org.casegraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh embedded data directory for a test context.
 */
public final class TemporaryDataDir {

	private TemporaryDataDir() {
	}

	/** Points a test context's database and audit trail at folders of its own. */
	public static void register(DynamicPropertyRegistry registry, Path dataDir, Path auditDir) {
		registry.add("casegraph.neo4j.data-dir", dataDir::toString);
		registry.add("casegraph.audit.directory", auditDir::toString);
	}

	public static Path create(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
