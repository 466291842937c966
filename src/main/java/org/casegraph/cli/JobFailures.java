package org.casegraph.cli;

import org.casegraph.bench.BenchException;
import org.casegraph.ingest.InputException;
import org.casegraph.neo4j.InvalidSettingException;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.query.BadRequestException;
import org.casegraph.report.ReportException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How every command fails: one line on standard error that says what went wrong, and an
 * exit status that says what kind of failure it was. A failure the user can mend (bad
 * input, a bad setting, an unknown report) never prints a stack trace.
 */
final class JobFailures implements IExecutionExceptionHandler {

	/** The job ran and found a difference or failed (e.g. {@code check}, a report). */
	static final int EXIT_FAILED = 1;

	/** The input or the settings were refused; nothing was written. */
	static final int EXIT_INPUT = 2;

	@Override
	public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
		String name = command.getCommandSpec().qualifiedName();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			switch (cause) {
				case InputException input -> {
					return fail(command, name + ": " + input.getMessage() + " (nothing was written)", EXIT_INPUT);
				}
				case BadRequestException input -> {
					return fail(command, name + ": " + input.getMessage() + " (nothing was written)", EXIT_INPUT);
				}
				case InvalidSettingException setting -> {
					return fail(command, name + ": " + setting.getMessage(), EXIT_INPUT);
				}
				case ReportException report -> {
					return fail(command, report.getMessage(), EXIT_FAILED);
				}
				case BenchException bench -> {
					return fail(command, name + ": " + bench.getMessage(), EXIT_FAILED);
				}
				case LimitExceededException limit -> {
					return fail(command, limit.getMessage(), EXIT_FAILED);
				}
				case OutOfMemoryError memory -> {
					return fail(command, name + ": ran out of memory (" + memory.getMessage() + ", at most "
							+ Runtime.getRuntime().maxMemory() / (1024 * 1024)
							+ " MB of heap); run it again with a larger -Xmx (docs/benchmarks.md gives what each tier took)",
							EXIT_FAILED);
				}
				default -> {
				}
			}
		}
		throw new IllegalStateException(ex);
	}

	private static int fail(CommandLine command, String message, int status) {
		command.getErr().println(message);
		return status;
	}

}
