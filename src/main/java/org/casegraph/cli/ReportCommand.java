package org.casegraph.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.report.Report;
import org.casegraph.report.ReportCatalog;
import org.casegraph.report.ReportFormat;
import org.casegraph.report.ReportParameter;
import org.casegraph.report.ReportResult;
import org.casegraph.report.ReportRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: lists the reports, or runs one and prints its rows.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Run a named, read-only Cypher report, or list them with --list.",
				"Example: report top-contacts --param person=officer:a --format markdown" })
public class ReportCommand implements Callable<Integer> {

	@Mixin
	DatabaseOptions database;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The report to run.")
	String name;

	@Option(names = "--list", description = "List the reports with their parameters and columns.")
	boolean list;

	@Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter (repeat for more).")
	Map<String, String> params = new LinkedHashMap<>();

	@Option(names = "--format", defaultValue = "table",
			description = "table, csv, json or markdown (default ${DEFAULT-VALUE}).")
	String format;

	@Override
	public Integer call() {
		PrintStream out = System.out;
		ReportFormat chosen = format();
		if (chosen == null) {
			System.err.println("Unknown format '" + format + "': use table, csv, json or markdown");
			return JobFailures.EXIT_INPUT;
		}
		if (!list && name == null) {
			System.err.println("Name a report to run, or use --list");
			return JobFailures.EXIT_INPUT;
		}
		long started = System.nanoTime();
		try (var context = Jobs.start(database)) {
			if (list) {
				context.getBean(ReportCatalog.class).all().forEach(report -> out.print(describe(report)));
				return 0;
			}
			ReportResult result = context.getBean(ReportRunner.class).runWithText(name, params);
			JobAudit.record(context, spec, started);
			out.print(chosen.write(result));
			return 0;
		}
	}

	private ReportFormat format() {
		for (ReportFormat candidate : ReportFormat.values()) {
			if (candidate.name().equalsIgnoreCase(format)) {
				return candidate;
			}
		}
		return null;
	}

	static String describe(Report report) {
		StringBuilder text = new StringBuilder(report.name()).append(" - ").append(report.title()).append('\n');
		text.append("  ").append(report.description()).append('\n');
		for (ReportParameter parameter : report.parameters()) {
			text.append("  --param ").append(parameter.name()).append('=').append(parameter.type().label());
			text.append(parameter.required() ? " (required)" : " (default " + parameter.defaultValue() + ")");
			text.append("  ").append(parameter.description()).append('\n');
		}
		text.append("  columns: ")
			.append(String.join(", ", report.columns().stream().map(Report.Column::name).toList()))
			.append('\n');
		return text.toString();
	}

}
