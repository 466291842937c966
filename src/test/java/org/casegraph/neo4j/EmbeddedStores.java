package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.casegraph.CasegraphProcess;

import org.springframework.util.unit.DataSize;

/**
 * Settings for a small embedded store of a test's own, started with
 * {@link EmbeddedNeo4j#start}.
 */
final class EmbeddedStores {

	private EmbeddedStores() {
	}

	/**
	 * A store in {@code directory}/data, on a free Bolt port, with a 16 MB page cache.
	 */
	static DatabaseSettings in(Path directory) throws IOException {
		return new DatabaseSettings(DatabaseSettings.Mode.EMBEDDED, directory.resolve("data"),
				CasegraphProcess.freePort(), DataSize.ofMegabytes(16), Duration.ofSeconds(60), false);
	}

}
