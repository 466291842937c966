package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casegraph.CasegraphProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as a separate process: what it committed survives kill -9, and a restart on
 * the same data directory keeps everything without loading the reference case a second
 * time.
 */
class DurabilityIntegrationTests {

	private static final String COUNTS = """
			MATCH (n) WITH count(n) AS nodes
			MATCH ()-[r]->() WITH nodes, count(r) AS relationships
			OPTIONAL MATCH (note:Note {id: 'note:durability'})
			RETURN nodes, relationships, note.text AS note
			""";

	@TempDir
	Path temp;

	@Test
	void killNineLosesNothingCommittedAndARestartDoesNotSeedTwice() throws Exception {
		int boltPort = CasegraphProcess.freePort();
		Path dataDir = temp.resolve("data");

		Process first = start(boltPort, dataDir, temp.resolve("first.log"));
		Map<String, Object> beforeKill;
		try (Driver driver = driver(boltPort)) {
			driver.executableQuery("CREATE (:Entity:Note {id: 'note:durability', text: 'committed', synthetic: false})")
				.execute();
			beforeKill = counts(driver);
		}
		first.destroyForcibly().waitFor();

		Process second = start(boltPort, dataDir, temp.resolve("second.log"));
		try (Driver driver = driver(boltPort)) {
			assertThat(counts(driver)).isEqualTo(beforeKill).containsEntry("note", "committed");
			assertThat((Long) beforeKill.get("nodes")).isGreaterThan(4_000L);
		}
		finally {
			second.destroyForcibly().waitFor();
		}
	}

	private static Map<String, Object> counts(Driver driver) {
		return driver.executableQuery(COUNTS).execute().records().getFirst().asMap();
	}

	private static Driver driver(int boltPort) {
		return GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.basic("neo4j", "casegraph-local"));
	}

	private static Process start(int boltPort, Path dataDir, Path log) throws IOException, InterruptedException {
		Process process = CasegraphProcess.start(
				List.of("--server.port=0", "--casegraph.neo4j.bolt-port=" + boltPort,
						"--casegraph.neo4j.page-cache=64MB", "--casegraph.neo4j.data-dir=" + dataDir,
						"--casegraph.audit.directory=" + dataDir.resolveSibling(dataDir.getFileName() + "-audit")),
				log, "1g", Map.of());
		CasegraphProcess.awaitStarted(process, log);
		return process;
	}

}
