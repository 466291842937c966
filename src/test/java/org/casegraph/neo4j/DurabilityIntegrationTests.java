package org.casegraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casegraph.cli.CommandLineInterface;
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
		int boltPort = freePort();
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
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process process = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
				CommandLineInterface.class.getName(), "--server.port=0", "--casegraph.neo4j.bolt-port=" + boltPort,
				"--casegraph.neo4j.page-cache=64MB", "--casegraph.neo4j.data-dir=" + dataDir,
				"--casegraph.audit.directory=" + dataDir.resolveSibling(dataDir.getFileName() + "-audit")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		awaitStarted(process, log);
		return process;
	}

	private static void awaitStarted(Process process, Path log) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			String output = Files.exists(log) ? Files.readString(log) : "";
			if (output.contains("Started CasegraphApplication")) {
				return;
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("Server exited during startup:\n" + output);
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Server did not start within 3 minutes:\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
