package org.casegraph.resolution;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.casegraph.CasegraphProcess;
import org.casegraph.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Transaction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge killed with kill -9 half-way leaves nothing: the server is stopped while the
 * merge's transaction (of one chat's account into another's) has moved the account's
 * relationships and counted the contacts again but not yet recorded the decision (a lock
 * this test holds on the candidate keeps it there); started again, the data directory
 * exports exactly as before the merge, and {@code check} passes.
 */
class KilledMergeIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void killNineMidMergeLeavesTheGraphAsBefore() throws Exception {
		Path data = temp.resolve("data");
		int[] ports = CasegraphProcess.freePorts(2);
		int http = ports[0];
		int bolt = ports[1];
		List<String> serve = List.of("--casegraph.neo4j.data-dir=" + data, "--server.port=" + http,
				"--casegraph.neo4j.bolt-enabled=true", "--casegraph.neo4j.bolt-port=" + bolt);
		// Dave in two chats exported from two phones: one candidate, two accounts.
		for (String group : List.of("Late turn", "Early turn")) {
			Path chat = Files.writeString(temp.resolve(group + ".txt"), """
					05/05/2017, 22:05 - Dave: Synthetic: anyone on tonight?
					05/05/2017, 22:06 - Eddie: Synthetic: yes, van 2
					06/05/2017, 01:10 - Dave: Synthetic: quiet night
					""");
			assertThat(
					run(List.of("import", "whatsapp", chat.toString(), "--group", group, "--data-dir", data.toString()),
							group + ".log"))
				.as(Files.readString(temp.resolve(group + ".log")))
				.isZero();
		}
		assertThat(Files.readString(temp.resolve("Early turn.log"))).contains("Match candidates to review:");
		Path before = temp.resolve("before.json");
		assertThat(run(List.of("export", "--out", before.toString(), "--data-dir", data.toString()), "export.log"))
			.isZero();

		Process server = start(serve, "server.log");
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt,
				AuthTokens.basic("neo4j", "casegraph-local"))) {
			CasegraphProcess.awaitStarted(server, temp.resolve("server.log"));
			String candidate = driver
				.executableQuery("MATCH (c:MatchCandidate {left: 'account:whatsapp:early-turn:Dave', "
						+ "right: 'account:whatsapp:late-turn:Dave'}) RETURN c.id AS id")
				.execute()
				.records()
				.getFirst()
				.get("id")
				.asString();
			// Held open, never closed: the kill ends it with the server.
			Transaction held = driver.session().beginTransaction();
			held.run("MATCH (c:MatchCandidate {id: $id}) SET c.heldByTest = true", Map.of("id", candidate)).consume();
			String decide = "mutation { decideMatch(candidateId: \"" + candidate
					+ "\", decision: SAME, reason: \"killed half-way\") { __typename } }";
			CompletableFuture<HttpResponse<String>> merge = CompletableFuture
				.supplyAsync(() -> new Http(http).graphQl(decide));
			awaitMergeBlocked(driver, server, merge);
			server.destroyForcibly().waitFor();
		}
		finally {
			server.destroyForcibly().waitFor();
		}

		Path after = temp.resolve("after.json");
		assertThat(run(List.of("export", "--out", after.toString(), "--data-dir", data.toString()), "export-2.log"))
			.as(Files.readString(temp.resolve("export-2.log")))
			.isZero();
		assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
		assertThat(run(List.of("check", "--data-dir", data.toString()), "check.log"))
			.as(Files.readString(temp.resolve("check.log")))
			.isZero();
	}

	/**
	 * Until the merge's transaction waits for the candidate's lock: it has moved the
	 * relationships and counted the contacts (its last statement is the candidate's).
	 */
	private void awaitMergeBlocked(Driver driver, Process server, CompletableFuture<HttpResponse<String>> merge)
			throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline) && server.isAlive() && !merge.isDone()) {
			boolean blocked = driver
				.executableQuery("SHOW TRANSACTIONS YIELD currentQuery, status "
						+ "WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'MatchCandidate' "
						+ "RETURN count(*) AS blocked")
				.execute()
				.records()
				.getFirst()
				.get("blocked")
				.asLong() > 0;
			if (blocked) {
				long moved = driver
					.executableQuery("MATCH ()-[r]->() WHERE r.mergedBy IS NOT NULL RETURN count(r) AS n")
					.execute()
					.records()
					.getFirst()
					.get("n")
					.asLong();
				assertThat(moved).as("nothing of an uncommitted merge shows outside it").isZero();
				return;
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the merge never waited for the candidate's lock: "
				+ (merge.isDone() ? merge.get().body() : Files.readString(temp.resolve("server.log"))));
	}

	private int run(List<String> args, String log) throws Exception {
		return start(args, log).waitFor();
	}

	private Process start(List<String> args, String log) throws IOException {
		// Two chats are case enough, and a data directory without the reference case
		// starts in seconds.
		return CasegraphProcess.start(args, temp.resolve(log), "1g", Map.of("CASEGRAPH_AUDIT_DIRECTORY",
				temp.resolve("audit").toString(), "CASEGRAPH_SEED_REFERENCE_CASE", "false"));
	}

}
