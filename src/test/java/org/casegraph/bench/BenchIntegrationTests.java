package org.casegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.cli.Commands;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.casegraph.cli.Commands.run;

/**
 * {@code bench queries} on a generated tier imported offline: it asks its rows over HTTP
 * and replays their statements through the driver, and prints each with its count of
 * statements and both columns; what it writes to time a row is gone after it. A benchmark
 * that cannot go on says why in one line.
 */
class BenchIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void theEntityPagesTheLatestMessagesAndTheTermHitsRowsAreTimedAndTheEditedMessageIsNotLeftBehind()
			throws IOException {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 3, bundle);
		Path data = temp.resolve("data");
		assertThat(run("import", "csv", bundle.toString(), "--data-dir", data.toString()).status()).isZero();

		Commands.Run bench = run("bench", "queries", "--data-dir", data.toString(), "--iterations", "5", "--warmup",
				"2", "--warmup-seconds", "0", "--only", "entity page,termHits,latest 50");

		assertThat(bench.status()).isZero();
		List<String> pages = bench.out().lines().filter(line -> line.startsWith("| entity page")).toList();
		assertThat(pages).hasSize(2);
		// Statements, then three GraphQL figures, three Cypher figures, their ratio and
		// the answer's size.
		assertThat(pages).allMatch(row -> row.matches("\\| entity page[^|]+\\| 1 (\\| \\d+\\.\\d+ ){8}\\|"),
				"a full row");
		// The latest messages: one statement, read from the time index in order.
		assertThat(bench.out().lines().filter(line -> line.startsWith("| messages, the latest 50 by time")))
			.singleElement()
			.matches(row -> row.matches("\\| messages[^|]+\\| 1 (\\| \\d+\\.\\d+ ){8}\\|"), "a full row");
		List<String> termHits = bench.out().lines().filter(line -> line.startsWith("| termHits")).toList();
		assertThat(termHits).hasSize(4);
		// Kept in memory: no statement. Asked for the first time: the kept hits and the
		// messages shown. A message edited: those, and the message read again with its
		// sender's units (and whose units changed). Not kept: the kept hits' statement,
		// the
		// messages shown, and found from the messages, the candidates and their senders'
		// units each in one part a core, read side by side.
		assertThat(termHits.get(0)).startsWith("| termHits, a 20-term list, every message | 0 |");
		assertThat(termHits.get(1)).contains("asked for the first time | 2 |");
		assertThat(termHits.get(2)).contains("a message it hits edited since its hits were kept | 5 |");
		assertThat(termHits.get(3))
			.contains("its hits not kept in the store | %d |".formatted(2 + 2 * ReadOnlyCypher.SIDE_BY_SIDE));
		Path export = temp.resolve("export.json");
		assertThat(run("export", "--out", export.toString(), "--data-dir", data.toString()).status()).isZero();
		assertThat(Files.readString(export)).contains("\"body\"").doesNotContain("bench:term-hits-edited");
	}

	@Test
	void ingestTimesEachImporterOnTheGeneratedTierInANewJvm() {
		Commands.Run bench = run("bench", "ingest", "--tier", "S", "--seed", "2", "--work", temp.toString(),
				"--page-cache", "256MB");

		assertThat(bench.status()).isZero();
		assertThat(bench.out()).contains("4,000 messages", "each importer in a new JVM without a start cache");
		// The importer, its seconds, messages and rows per second, and its own peak heap.
		assertThat(bench.out().lines().filter(line -> line.startsWith("| casegraph") || line.startsWith("| LOAD CSV")))
			.hasSize(3)
			.allMatch(row -> row.matches("\\| [^|]+ \\| \\d+\\.\\d \\| [\\d,]+ \\| [\\d,]+ \\| \\d+ \\|"),
					"a full row");
		assertThat(bench.out()).containsPattern("offline \\d+\\.\\d\\d, transactional \\d+\\.\\d\\d");
		// Each new JVM left its database in the work folder; what they measured was read
		// and removed.
		assertThat(temp.resolve("casegraph-offline-db")).isNotEmptyDirectory();
		assertThat(temp.resolve("casegraph-db")).isNotEmptyDirectory();
		assertThat(temp.resolve("load-csv-db")).isNotEmptyDirectory();
		assertThat(temp).isDirectoryNotContaining("glob:**/measured-*");
	}

	@Test
	void anImporterWhoseJvmFailsIsNamedWithItsExitStatus() {
		assertThatExceptionOfType(BenchException.class)
			.isThrownBy(() -> IngestRun.OFFLINE.inNewJvm(temp.resolve("no-bundle"), temp, "256MB"))
			.withMessage("The JVM of the offline import stopped with exit status 1 before it measured anything");
		assertThat(temp).isDirectoryNotContaining("glob:**/measured-*");
	}

	@Test
	void aDatabaseWithoutWhatTheLoadAsksAboutIsOneLineAndExitOne() {
		Commands.Run load = run("bench", "load", "--data-dir", temp.resolve("empty").toString(), "--seconds", "1",
				"--clients", "1");

		assertThat(load.status()).isEqualTo(1);
		assertThat(load.err()).contains("bench load: bench load needs officers, a unit with two members")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void caseWorkInTheMixTagsAndUntagsOfficers() {
		Commands.Run load = run("bench", "load", "--data-dir", temp.resolve("data").toString(), "--reference-case",
				"--seconds", "3", "--clients", "2", "--mix", "CASE_WORK=1");

		assertThat(load.status()).as(load.err()).isZero();
		// Each write answered with its Tagged payload (or NotFound, for a tag taken off
		// before it was put on); a Forbidden or Invalid one counts as an error.
		assertThat(load.out().lines().filter(line -> line.startsWith("| case work: an officer tagged or untagged")))
			.as(load.out())
			.singleElement()
			.satisfies(row -> assertThat(row).matches("\\| case work[^|]+\\| [1-9][\\d,]* \\| 0 \\|.*"));
		assertThat(load.out()).contains(" 0 errors");
	}

	@Test
	void aRefusedRequestIsNamedWithItsStatusAndTheServersMessages() {
		assertThat(BenchException.refused("The row 'spread'", 200,
				"{\"errors\":[{\"message\":\"The query ran longer than the limit of PT10S (casegraph.limits.timeout)\"},"
						+ "{\"message\":\"another\"}],\"data\":null}")
			.getMessage())
			.isEqualTo("The row 'spread' was refused (HTTP 200): The query ran longer than the limit of "
					+ "PT10S (casegraph.limits.timeout); another");
		assertThat(BenchException.refused("Its first query", 401, "").getMessage())
			.isEqualTo("Its first query was refused (HTTP 401): no body");
		assertThat(BenchException.refused("Its first query", 502, "<html>Bad gateway</html>").getMessage())
			.isEqualTo("Its first query was refused (HTTP 502): <html>Bad gateway</html>");
	}

}
