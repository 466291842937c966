package org.casegraph.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.casegraph.referencecase.BundleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measurements that print a table. {@code bench ingest} imports one
 * generated bundle three times into fresh databases: with casegraph's offline load
 * (Neo4j's batch importer), with casegraph's transactional importer (journal), both
 * validating and keeping the who-messaged-whom aggregate, and with Neo4j's own LOAD CSV
 * in transactions of 10,000 rows (no aggregate), each in a new JVM; it prints rows,
 * seconds, messages per second, peak heap and the ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print a table.",
		subcommands = { BenchCommand.Ingest.class, QueryBench.class, LoadBench.class, ReportBench.class })
public class BenchCommand {

	@Command(name = "ingest", mixinStandardHelpOptions = true,
			description = "Import a generated tier with casegraph and with LOAD CSV into fresh databases.")
	static class Ingest implements Callable<Integer> {

		@Option(names = "--tier", defaultValue = "M", description = "S, M or L (default ${DEFAULT-VALUE}).")
		String tier;

		@Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
		long seed;

		@Option(names = "--work", defaultValue = "target/bench-ingest", paramLabel = "DIR",
				description = "Working folder for the bundle and both databases (default ${DEFAULT-VALUE}).")
		Path work;

		@Option(names = "--page-cache", defaultValue = "2GB", description = "Page cache of both databases.")
		String pageCache;

		/** The option a new JVM of one importer is started with. */
		static final String RUN_ONE = "--run-one";

		@Option(names = RUN_ONE, arity = "5", hidden = true, paramLabel = "ARG",
				description = "Runs one importer in this JVM: RUN BUNDLE WORK PAGE_CACHE MEASURED.")
		List<String> runOne;

		@Override
		public Integer call() throws Exception {
			if (runOne != null) {
				IngestRun.runOne(runOne);
				return 0;
			}
			PrintStream out = System.out;
			Path bundle = work.resolve("bundle-" + tier + "-" + seed);
			Map<String, Long> files = BundleGenerator.generate(BundleGenerator.Tier.of(tier), seed, bundle);
			long messages = files.get("messages.csv");
			long rows = files.values().stream().mapToLong(Long::longValue).sum();
			Measurement offline = IngestRun.OFFLINE.inNewJvm(bundle, work, pageCache);
			Measurement casegraph = IngestRun.TRANSACTIONAL.inNewJvm(bundle, work, pageCache);
			Measurement loadCsv = IngestRun.LOAD_CSV.inNewJvm(bundle, work, pageCache);
			out.printf(
					"%nbench ingest: tier %s (seed %d): %,d messages, %,d CSV rows, %d cores, max heap %d MiB, "
							+ "each importer in a new JVM %s%n%n",
					tier, seed, messages, rows, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20,
					NewJvm.withStartCache() ? "with the start cache" : "without a start cache");
			out.println("| importer | seconds | messages/s | rows/s | peak heap MiB |");
			out.println("|---|---:|---:|---:|---:|");
			row(out, "casegraph import csv, offline into a new data directory (validated, aggregate, indexes)", offline,
					messages, rows);
			row(out, "casegraph import csv --transactional (validated, journal, aggregate)", casegraph, messages, rows);
			row(out, "LOAD CSV ... CALL { } IN TRANSACTIONS (no aggregate)", loadCsv, messages, rows);
			out.printf("%ncasegraph / LOAD CSV throughput: offline %.2f, transactional %.2f%n",
					loadCsv.seconds() / offline.seconds(), loadCsv.seconds() / casegraph.seconds());
			return 0;
		}

		private static void row(PrintStream out, String name, Measurement m, long messages, long rows) {
			out.printf("| %s | %.1f | %,.0f | %,.0f | %d |%n", name, m.seconds(), messages / m.seconds(),
					rows / m.seconds(), m.peakHeap() >> 20);
		}

	}

	/**
	 * One run.
	 *
	 * @param seconds wall time
	 * @param peakHeap sum of the heap pools' peaks, in bytes
	 */
	record Measurement(double seconds, long peakHeap) {
	}

}
