package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.CasegraphProcess;
import org.casegraph.StoreAtRest;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
			MATCH (n:Entity) WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProperties
			MATCH (:Entity)-[r]->(:Entity)
			WITH nodes, nodeProperties, count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties
			MATCH ()-[c:CONTACTED]->()
			WITH nodes, nodeProperties, relationships, relationshipProperties, count(c) AS pairs,
			     sum(c.count) AS contacts, sum(size(c.months)) AS pairMonths
			MATCH (m:Message)
			WITH nodes, nodeProperties, relationships, relationshipProperties, pairs, contacts, pairMonths,
			     count(m) AS messages,
			     sum(CASE WHEN m.sentAt IS :: ZONED DATETIME AND m.flagged IS :: BOOLEAN THEN 1 ELSE 0 END) AS typedMessages
			OPTIONAL MATCH (p:PendingContacts)
			RETURN nodes, nodeProperties, relationships, relationshipProperties, pairs, contacts, pairMonths, messages,
			       typedMessages, count(p) AS pending,
			       COUNT { MATCH (s:Membership) WHERE s.from IS :: DATE } AS typedMemberships
			""";

	@TempDir
	Path temp;

	/** S in the suite; {@code -Dcasegraph.test.killed-import-tier=M} runs it at M. */
	private static final String TIER = System.getProperty("casegraph.test.killed-import-tier", "S");

	/**
	 * Both ways of importing, each killed part-way and run again: a transactional import
	 * resumes after its last committed batch, an offline load starts again. Each is the
	 * other's clean reference, since they share no writing code.
	 */
	@Test
	void killNineMidImportThenTheSameCommandEndsAsACleanImport() throws Exception {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of(TIER), 11, bundle);
		Path transactional = temp.resolve("transactional");
		Path offline = temp.resolve("offline");
		List<String> transactionalImport = List.of("import", "csv", bundle.toString(), "--transactional",
				"--batch-size", "S".equals(TIER) ? "10" : "1000", "--data-dir", transactional.toString());
		List<String> offlineImport = List.of("import", "csv", bundle.toString(), "--data-dir", offline.toString());

		int port = CasegraphProcess.freePort();
		List<String> withPort = new ArrayList<>(transactionalImport);
		withPort.addAll(List.of("--bolt-port", String.valueOf(port)));
		Process killed = start(withPort, temp.resolve("killed.log"));
		int doneAtKill = awaitBatches(port, 5, killed, temp.resolve("killed.log"));
		killed.destroyForcibly().waitFor();
		assertThat(run(transactionalImport, temp.resolve("resumed.log"))).isZero();
		assertThat(Files.readString(temp.resolve("resumed.log"))).contains("Resumed an interrupted import after batch");

		Process killedLoad = start(offlineImport, temp.resolve("offline-killed.log"));
		awaitFile(offline.resolve("offline-import.log"), killedLoad, temp.resolve("offline-killed.log"));
		killedLoad.destroyForcibly().waitFor();
		assertThat(run(List.of("check", "--data-dir", offline.toString()), temp.resolve("refused.log"))).isNotZero();
		assertThat(Files.readString(temp.resolve("refused.log"))).contains("an offline import into it was interrupted");
		assertThat(run(offlineImport, temp.resolve("offline-resumed.log"))).isZero();

		assertThat(doneAtKill).isGreaterThanOrEqualTo(5);
		assertThat(counts(transactional)).isEqualTo(counts(offline)).containsEntry("pending", 0L);
		for (Path store : List.of(transactional, offline)) {
			IndependentRecount.Comparison recount = StoreAtRest.open(store, IndependentRecount::compareIn);
			assertThat(recount.recounted()).as(store.toString()).isNotEmpty().isEqualTo(recount.stored());
		}
		assertThat(run(List.of("check", "--data-dir", offline.toString()), temp.resolve("check.log"))).isZero();
		assertThat(Files.readString(temp.resolve("check.log"))).contains("all match the messages");
	}

	/** Waits until the running load has started Neo4j's batch importer. */
	private static void awaitFile(Path file, Process process, Path log) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			if (Files.exists(file)) {
				return;
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("the load never started the batch importer:\n" + Files.readString(log));
	}

	/**
	 * Waits until the running import has committed {@code batches} batches; returns how
	 * many it had.
	 */
	private static int awaitBatches(int port, int batches, Process process, Path log)
			throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
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
		return StoreAtRest.open(dataDir,
				database -> database.executeTransactionally(COUNTS, Map.of(), result -> result.next()));
	}

	private static int run(List<String> args, Path log) throws Exception {
		return start(args, log).waitFor();
	}

	private static Process start(List<String> args, Path log) throws IOException {
		return CasegraphProcess.start(args, log, "S".equals(TIER) ? "2g" : "8g",
				Map.of("CASEGRAPH_AUDIT_DIRECTORY", log.resolveSibling("audit").toString()));
	}

}
