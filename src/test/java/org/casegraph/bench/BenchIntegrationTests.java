package org.casegraph.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.cli.CommandLineInterface;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench queries} on a generated tier imported offline: it asks its rows over HTTP
 * and replays their statements through the driver, and prints each with its count of
 * statements and both columns. A benchmark that cannot go on says why in one line.
 */
class BenchIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void theEntityPagesAreTimedThroughGraphQlAndTheirOneStatement() {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 3, bundle);
		Path data = temp.resolve("data");
		assertThat(run("import", "csv", bundle.toString(), "--data-dir", data.toString())).startsWith("0");

		String printed = run("bench", "queries", "--data-dir", data.toString(), "--iterations", "5", "--warmup", "2",
				"--warmup-seconds", "0", "--only", "entity page");

		assertThat(printed).startsWith("0");
		List<String> rows = printed.lines().filter(line -> line.startsWith("| entity page")).toList();
		assertThat(rows).hasSize(2);
		// Statements, then three GraphQL figures, three Cypher figures and their ratio.
		assertThat(rows).allMatch(row -> row.matches("\\| entity page[^|]+\\| 1 (\\| \\d+\\.\\d+ ){7}\\|"),
				"a full row");
	}

	@Test
	void aDatabaseWithoutWhatTheLoadAsksAboutIsOneLineAndExitOne() {
		String printed = run("bench", "load", "--data-dir", temp.resolve("empty").toString(), "--seconds", "1",
				"--clients", "1");

		assertThat(printed).startsWith("1\n")
			.contains("bench load: bench load needs officers, a unit with two members")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
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

	/** The command's exit status, then what it printed. */
	private static String run(String... args) {
		StringWriter err = new StringWriter();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			int status = CommandLineInterface.commandLine().setErr(new PrintWriter(err, true)).execute(args);
			return status + "\n" + out.toString(StandardCharsets.UTF_8) + err;
		}
		finally {
			System.setOut(original);
		}
	}

}
