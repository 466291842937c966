package org.casegraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Commands run in this JVM as the command line runs them, with what they printed. */
public final class Commands {

	private Commands() {
	}

	public static Run run(String... args) {
		StringWriter err = new StringWriter();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			int status = CommandLineInterface.commandLine().setErr(new PrintWriter(err, true)).execute(args);
			return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
		}
		finally {
			System.setOut(original);
		}
	}

	/**
	 * A command's outcome.
	 *
	 * @param status its exit status
	 * @param out what it printed on standard output
	 * @param err what it printed on standard error
	 */
	public record Run(int status, String out, String err) {
	}

}
