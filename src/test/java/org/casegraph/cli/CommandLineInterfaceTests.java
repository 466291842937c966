package org.casegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.cli.Commands.run;

/**
 * Commands fail one way: one line on standard error that says what and where, an exit
 * status for the kind of failure, no stack trace. These fail before any database starts.
 */
class CommandLineInterfaceTests {

	@TempDir
	Path temp;

	@Test
	void refusedInputExitsWithTwoAndOneLine() throws IOException {
		Path bundle = Files.createDirectories(temp.resolve("bundle"));
		Files.writeString(bundle.resolve("people.csv"), "id,name,officer\nofficer:x,X,maybe\n");

		Commands.Run run = run("import", "csv", bundle.toString(), "--data-dir", temp.resolve("data").toString());

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("casegraph import csv: ")
			.endsWith("people.csv:2: officer: 'maybe' is not true or false (nothing was written)")
			.doesNotContain("\n");
		assertThat(temp.resolve("data")).doesNotExist();
	}

	@Test
	void anEdgeListWithAWordForANodeIdIsRefusedWithItsLine() throws IOException {
		Path edges = Files.writeString(temp.resolve("edges.txt"), "1 2 1500000000\n5 x7\n");

		Commands.Run run = run("import", "snap", "--edges", edges.toString(), "--data-dir",
				temp.resolve("data").toString());

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("casegraph import snap: ")
			.contains(
					"edges.txt:2: RECIPIENT: 'x7' is not a whole number, as SNAP's node ids are (--text-ids takes any word)")
			.doesNotContain("\n");
		assertThat(temp.resolve("data")).doesNotExist();
	}

	@Test
	void aMissingFileIsNamed() {
		Commands.Run run = run("import", "snap", "--edges", temp.resolve("missing.txt").toString());

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("missing.txt: no such file").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void anUnknownReportFormatIsRefusedBeforeStarting() {
		Commands.Run run = run("report", "top-contacts", "--format", "pdf");

		assertThat(run.status()).isEqualTo(2);
	}

	@Test
	void runningOutOfMemoryIsOneLineThatSaysSo() {
		StringWriter err = new StringWriter();
		CommandLine command = CommandLineInterface.commandLine().setErr(new PrintWriter(err, true));
		CommandLine importCsv = command.getSubcommands().get("import").getSubcommands().get("csv");
		// How the offline load's failure reaches the handler: the embedded database
		// is a bean, so the error comes wrapped in the context's exceptions.
		Exception failure = new IllegalStateException("Error creating bean with name 'embeddedNeo4j'",
				new OutOfMemoryError("Java heap space"));

		int status = new JobFailures().handleExecutionException(failure, importCsv, null);

		assertThat(status).isEqualTo(JobFailures.EXIT_FAILED);
		assertThat(err.toString().strip())
			.startsWith("casegraph import csv: ran out of memory (Java heap space, at most ")
			.contains("run it again with a larger -Xmx")
			.doesNotContain("\n")
			.doesNotContain("embeddedNeo4j");
	}

}
