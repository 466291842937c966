package org.casegraph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.casegraph.CasegraphApplication;
import org.casegraph.ingest.BenchCommand;
import org.casegraph.ingest.CheckCommand;
import org.casegraph.ingest.ExportCommand;
import org.casegraph.ingest.GenerateCommand;
import org.casegraph.ingest.ImportCommand;
import org.casegraph.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.casegraph.neo4j.StoreLoader;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jobs beside the server, on picocli: {@code java -jar casegraph.jar <command>}. Each
 * command starts the application without its web server and without the reference case,
 * so imports land in the user's own graph.
 */
public final class CommandLineInterface {

	private static final Set<String> HELP = Set.of("-h", "--help", "help", "-V", "--version");

	private CommandLineInterface() {
	}

	/**
	 * Whether {@code args} name a command (or ask for help) rather than server options.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
	}

	public static int run(String[] args) {
		return commandLine().execute(args);
	}

	static CommandLine commandLine() {
		return new CommandLine(new Root());
	}

	/**
	 * Starts the application for a job: no web server, no seed, quiet logs. The settings
	 * go in as command-line arguments so that they outrank application.yml, as the same
	 * flags would for the server.
	 */
	public static ConfigurableApplicationContext start(DatabaseOptions database) {
		return start(database, WebApplicationType.NONE, null);
	}

	/**
	 * Like {@link #start(DatabaseOptions)}, with a loader that fills a new embedded store
	 * before the database starts.
	 */
	public static ConfigurableApplicationContext start(DatabaseOptions database, StoreLoader loader) {
		return start(database, WebApplicationType.NONE, loader);
	}

	/**
	 * Starts the application with its web server on a free port, for a job that measures
	 * the API as clients reach it.
	 */
	public static ConfigurableApplicationContext startServer(DatabaseOptions database) {
		return start(database, WebApplicationType.SERVLET, null);
	}

	private static ConfigurableApplicationContext start(DatabaseOptions database, WebApplicationType web,
			StoreLoader loader) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("casegraph.seed.reference-case", "false");
		settings.put("logging.level.root", "WARN");
		settings.putAll(database.properties());
		String[] args = settings.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(CasegraphApplication.class).web(web).initializers(context -> {
			if (loader != null) {
				context.getBeanFactory().registerSingleton("storeLoader", loader);
			}
		}).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
	}

	@Command(name = "casegraph", mixinStandardHelpOptions = true, version = "casegraph 0.1.0",
			subcommands = { ImportCommand.class, ExportCommand.class, GenerateCommand.class, CheckCommand.class,
					BenchCommand.class, ReportCommand.class },
			description = { "Graph explorer for linked investigations.",
					"With no command, starts the server (GraphQL at /graphql, GraphiQL at /graphiql)." })
	static final class Root implements Runnable {

		@Override
		public void run() {
			CommandLine.usage(this, System.out);
		}

	}

}
