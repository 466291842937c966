package org.casegraph.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.report.Report;
import org.casegraph.report.ReportCatalog;
import org.casegraph.report.ReportParameter;
import org.casegraph.report.ReportParameters;
import org.casegraph.report.ReportRunner;
import org.neo4j.driver.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench reports}: runs every report on the graph the database holds and prints how
 * long each took and how many rows it returned. People a report needs are picked from the
 * data (the largest unit's first member, and a member who never messaged them).
 */
@Command(name = "reports", mixinStandardHelpOptions = true,
		description = "Run every report and print its time and row count.")
public class ReportBench implements Callable<Integer> {

	@Mixin
	DatabaseOptions database;

	@Option(names = "--runs", defaultValue = "3",
			description = "Runs per report; the table shows the median (default ${DEFAULT-VALUE}).")
	int runs;

	@Option(names = "--sampling", defaultValue = "500",
			description = "Betweenness sampling for centrality on large graphs (default ${DEFAULT-VALUE}; 0 for exact).")
	long sampling;

	@Override
	public Integer call() {
		try (var context = Jobs.start(database)) {
			ReportRunner runner = context.getBean(ReportRunner.class);
			Record picked = BenchStore.picked(context.getBean(ReadOnlyCypher.class));
			PrintStream out = System.out;
			out.printf("%nbench reports: median of %d runs each; %d cores%n%n", runs,
					Runtime.getRuntime().availableProcessors());
			out.println("| report | seconds | rows |");
			out.println("|---|---:|---:|");
			for (Report report : context.getBean(ReportCatalog.class).all()) {
				Map<String, Object> parameters = parameters(report, picked);
				double[] seconds = new double[runs];
				int rows = 0;
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					rows = runner.run(report, ReportParameters.fromJson(report, parameters)).rows().size();
					seconds[i] = (System.nanoTime() - start) / 1e9;
				}
				java.util.Arrays.sort(seconds);
				out.printf("| %s | %.2f | %,d |%n", report.name(), seconds[runs / 2], rows);
			}
			return 0;
		}
	}

	private Map<String, Object> parameters(Report report, Record picked) {
		Map<String, Object> parameters = new HashMap<>();
		for (ReportParameter parameter : report.parameters()) {
			switch (parameter.name()) {
				case "person", "a" -> parameters.put(parameter.name(), picked.get("officer").asString());
				case "b" -> parameters.put(parameter.name(), picked.get("stranger").asString());
				case "sampling" -> parameters.put(parameter.name(), sampling);
				default -> {
				}
			}
		}
		return parameters;
	}

}
