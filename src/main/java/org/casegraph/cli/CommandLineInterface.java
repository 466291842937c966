package org.casegraph.cli;

import java.util.Set;

import org.casegraph.CasegraphApplication;
import org.casegraph.bench.BenchCommand;
import org.casegraph.neo4j.EarlyStart;
import org.casegraph.neo4j.TransactionMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.boot.SpringApplication;

/**
 * casegraph's entry point. With no command it serves; with one ({@code import},
 * {@code export}, {@code generate}, {@code check}, {@code report}, {@code terms},
 * {@code audit}, {@code bench}) it runs that job on picocli and exits with the job's
 * status.
 */
public final class CommandLineInterface {

	private static final Set<String> HELP = Set.of("-h", "--help", "help", "-V", "--version");

	private CommandLineInterface() {
	}

	public static void main(String[] args) {
		if (handles(args)) {
			System.exit(run(args));
		}
		SpringApplication server = new SpringApplication(CasegraphApplication.class);
		server.setMainApplicationClass(CasegraphApplication.class);
		server.addListeners(new EarlyStart());
		server.run(args);
	}

	/**
	 * Whether {@code args} name a command (or ask for help) rather than server options.
	 */
	static boolean handles(String[] args) {
		return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
	}

	/**
	 * Runs a command; its transactions carry a request id and the user who ran it
	 * ({@code cli:<login>}), as a server request's carry its caller.
	 */
	public static int run(String[] args) {
		TransactionMetadata.setForCommandLine();
		try {
			return commandLine().execute(args);
		}
		finally {
			TransactionMetadata.clear();
		}
	}

	public static CommandLine commandLine() {
		return new CommandLine(new Root()).setExecutionExceptionHandler(new JobFailures());
	}

	@Command(name = "casegraph", mixinStandardHelpOptions = true, version = "casegraph 0.1.0",
			subcommands = { ImportCommand.class, ExportCommand.class, GenerateCommand.class, CheckCommand.class,
					BenchCommand.class, ReportCommand.class, TermsCommand.class, AuditCommand.class,
					PasswordCommand.class },
			description = { "Graph explorer for linked investigations.",
					"With no command, starts the server (GraphQL at /graphql, GraphiQL at /graphiql)." })
	static final class Root implements Runnable {

		@Override
		public void run() {
			CommandLine.usage(this, System.out);
		}

	}

}
