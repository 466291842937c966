package org.casegraph.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.CasegraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import csv} as a user runs it, killed with kill -9 part-way, then run again: the
 * graph ends as a clean import's, and {@code check} passes.
 */
class KilledImportIntegrationTests {

	private static final String COUNTS = """
			MATCH (n:Entity) WITH count(n) AS nodes
			MATCH (:Entity)-[r]->(:Entity) WITH nodes, count(r) AS relationships
			MATCH ()-[c:CONTACTED]->() WITH nodes, relationships, count(c) AS pairs, sum(c.count) AS contacts
			MATCH (m:Message) WITH nodes, relationships, pairs, contacts, count(m) AS messages
			OPTIONAL MATCH (p:PendingContacts)
			RETURN nodes, relationships, pairs, contacts, messages, count(p) AS pending
			""";

	@TempDir
	Path temp;

	@Test
	void killNineMidImportThenTheSameCommandEndsAsACleanImport() throws Exception {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 11, bundle);
		int port = freePort();

		Process killed = start(
				List.of("import", "csv", bundle.toString(), "--batch-size", "10", "--data-dir",
						temp.resolve("interrupted").toString(), "--bolt-port", String.valueOf(port)),
				temp.resolve("killed.log"));
		int doneAtKill = awaitBatches(port, 5, killed, temp.resolve("killed.log"));
		killed.destroyForcibly().waitFor();

		assertThat(run(List.of("import", "csv", bundle.toString(), "--batch-size", "10", "--data-dir",
				temp.resolve("interrupted").toString()), temp.resolve("resumed.log")))
			.isZero();
		assertThat(Files.readString(temp.resolve("resumed.log"))).contains("Resumed an interrupted import after batch");
		assertThat(run(List.of("import", "csv", bundle.toString(), "--data-dir", temp.resolve("clean").toString()),
				temp.resolve("clean.log")))
			.isZero();

		assertThat(doneAtKill).isGreaterThanOrEqualTo(5);
		assertThat(counts(temp.resolve("interrupted"))).isEqualTo(counts(temp.resolve("clean")))
			.containsEntry("pending", 0L);
		assertThat(
				run(List.of("check", "--data-dir", temp.resolve("interrupted").toString()), temp.resolve("check.log")))
			.isZero();
		assertThat(Files.readString(temp.resolve("check.log"))).contains("all match the messages");
	}

	/**
	 * Waits until the running import has committed {@code batches} batches; returns how
	 * many it had.
	 */
	private static int awaitBatches(int port, int batches, Process process, Path log)
			throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port,
				AuthTokens.basic("neo4j", "casegraph-local"))) {
			while (Instant.now().isBefore(deadline) && process.isAlive()) {
				Integer done = committedBatches(driver, batches);
				if (done != null) {
					return done;
				}
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException(
				"the import never got to batch " + batches + " while running:\n" + Files.readString(log));
	}

	/**
	 * The batches committed once there are at least {@code batches}, or null before (or
	 * while starting).
	 */
	private static Integer committedBatches(Driver driver, int batches) {
		try {
			var job = driver
				.executableQuery("MATCH (j:ImportJob) RETURN max(j.done) AS done, max(j.batches) AS batches")
				.execute()
				.records()
				.getFirst();
			if (job.get("done").isNull() || job.get("done").asInt() < batches) {
				return null;
			}
			assertThat(job.get("done").asInt()).as("killed before the last batch")
				.isLessThan(job.get("batches").asInt());
			return job.get("done").asInt();
		}
		catch (org.neo4j.driver.exceptions.Neo4jException notYetListening) {
			return null;
		}
	}

	/** Opens the stopped database in this process and counts what it holds. */
	private static Map<String, Object> counts(Path dataDir) {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath().normalize())
			.setConfig(BoltConnector.enabled, false)
			.build();
		try {
			return dbms.database("neo4j").executeTransactionally(COUNTS, Map.of(), result -> result.next());
		}
		finally {
			dbms.shutdown();
		}
	}

	private static int run(List<String> args, Path log) throws Exception {
		return start(args, log).waitFor();
	}

	private static Process start(List<String> args, Path log) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx1g",
				"-cp", System.getProperty("java.class.path"), CasegraphApplication.class.getName()));
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
