package org.casegraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.OfflineLoad;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ScratchDatabase;
import org.casegraph.referencecase.BundleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.util.FileSystemUtils;

/**
 * {@code bench}: measurements that print a table. {@code bench ingest} imports one
 * generated bundle three times into fresh databases: with casegraph's offline load
 * (Neo4j's batch importer), with casegraph's transactional importer (journal), both
 * validating and keeping the who-messaged-whom aggregate, and with Neo4j's own LOAD CSV
 * in transactions of 10,000 rows (no aggregate); it prints rows, seconds, messages per
 * second, peak heap and the ratios.
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

		@Override
		public Integer call() throws Exception {
			PrintStream out = System.out;
			Path bundle = work.resolve("bundle-" + tier + "-" + seed);
			Map<String, Long> files = BundleGenerator.generate(BundleGenerator.Tier.of(tier), seed, bundle);
			long messages = files.get("messages.csv");
			long rows = files.values().stream().mapToLong(Long::longValue).sum();
			Measurement offline = offline(bundle);
			Measurement casegraph = casegraph(bundle);
			Measurement loadCsv = loadCsv(bundle);
			out.printf("%nbench ingest: tier %s (seed %d): %,d messages, %,d CSV rows, %d cores, max heap %d MiB%n%n",
					tier, seed, messages, rows, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() >> 20);
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

		/**
		 * Each run goes from nothing to a database that is ready and shut down: reading,
		 * starting, writing, building indexes, stopping.
		 */
		private Measurement offline(Path bundle) throws IOException {
			DatabaseOptions database = DatabaseOptions.embedded(emptied(work.resolve("casegraph-offline-db")),
					pageCache);
			return measure(() -> {
				ImportPlan plan = CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 10_000));
				OfflineLoad load = new OfflineLoad(plan, System.out);
				try (var context = Jobs.start(database, load)) {
					context.getBean(Importer.class).recordLoaded(plan, load);
					BenchStore.awaitIndexes(context.getBean(ReadOnlyCypher.class));
				}
			});
		}

		private Measurement casegraph(Path bundle) throws IOException {
			DatabaseOptions database = DatabaseOptions.embedded(emptied(work.resolve("casegraph-db")), pageCache);
			return measure(() -> {
				ImportPlan plan = CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 10_000));
				try (var context = Jobs.start(database)) {
					context.getBean(Importer.class).run(plan, System.out);
					BenchStore.awaitIndexes(context.getBean(ReadOnlyCypher.class));
				}
			});
		}

		private Measurement loadCsv(Path bundle) throws IOException {
			Path dir = emptied(work.resolve("load-csv-db"));
			var statements = CypherScript.load("cypher/bench/load-csv.cypher").statements();
			return measure(() -> ScratchDatabase.run(dir, bundle, pageCache, statements));
		}

		/** An empty folder at {@code dir}, whatever was there. */
		private static Path emptied(Path dir) throws IOException {
			FileSystemUtils.deleteRecursively(dir);
			return Files.createDirectories(dir).toAbsolutePath().normalize();
		}

		private static Measurement measure(Runnable work) {
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			System.gc();
			long started = System.nanoTime();
			work.run();
			double seconds = (System.nanoTime() - started) / 1e9;
			long peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.mapToLong(pool -> pool.getPeakUsage().getUsed())
				.sum();
			return new Measurement(seconds, peak);
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
