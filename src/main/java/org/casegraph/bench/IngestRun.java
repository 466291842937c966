package org.casegraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.bench.BenchCommand.Measurement;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.OfflineLoad;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ScratchDatabase;
import org.casegraph.neo4j.TransactionMetadata;

import org.springframework.util.FileSystemUtils;

/**
 * One importer of {@code bench ingest}, each run in a JVM of its own ({@link #inNewJvm}),
 * as a user's import runs: run in one JVM after the two casegraph imports, LOAD CSV took
 * the M bundle in 53 to 66 s on code they had compiled, in a new JVM about 75 s. Each run
 * goes from nothing to a database that is ready, with every index online, and shut down:
 * reading, starting, writing, building indexes, stopping.
 */
enum IngestRun {

	/**
	 * casegraph's offline load (Neo4j's batch importer), validated, with the aggregate.
	 */
	OFFLINE("the offline import", "casegraph-offline-db") {
		@Override
		void run(Path bundle, Path dir, String pageCache) {
			ImportPlan plan = CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 10_000));
			OfflineLoad load = new OfflineLoad(plan, System.out);
			try (var context = Jobs.start(DatabaseOptions.embedded(dir, pageCache), load)) {
				context.getBean(Importer.class).recordLoaded(plan, load);
				BenchStore.awaitIndexes(context.getBean(ReadOnlyCypher.class));
			}
		}
	},

	/** casegraph's transactional importer (journal), validated, with the aggregate. */
	TRANSACTIONAL("the transactional import", "casegraph-db") {
		@Override
		void run(Path bundle, Path dir, String pageCache) {
			ImportPlan plan = CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 10_000));
			try (var context = Jobs.start(DatabaseOptions.embedded(dir, pageCache))) {
				context.getBean(Importer.class).run(plan, System.out);
				BenchStore.awaitIndexes(context.getBean(ReadOnlyCypher.class));
			}
		}
	},

	/** Neo4j's own LOAD CSV in transactions of 10,000 rows, no aggregate. */
	LOAD_CSV("LOAD CSV", "load-csv-db") {
		@Override
		void run(Path bundle, Path dir, String pageCache) {
			ScratchDatabase.run(dir, bundle, pageCache, CypherScript.load("cypher/bench/load-csv.cypher").statements());
		}
	};

	private final String label;

	private final String directory;

	IngestRun(String label, String directory) {
		this.label = label;
		this.directory = directory;
	}

	/** Imports {@code bundle} into a new database in the empty folder {@code dir}. */
	abstract void run(Path bundle, Path dir, String pageCache);

	/**
	 * Runs this importer in a new JVM with this one's Java, options and class path, and
	 * reads back what it measured.
	 */
	Measurement inNewJvm(Path bundle, Path work, String pageCache) throws IOException, InterruptedException {
		Path measured = Files.createTempFile(work, "measured-", ".txt");
		try {
			int exit = NewJvm.run(IngestRun.class, List.of("bench", "ingest", BenchCommand.Ingest.RUN_ONE),
					List.of(name(), bundle.toAbsolutePath().toString(), work.toAbsolutePath().toString(), pageCache,
							measured.toString()));
			String figures = Files.readString(measured).trim();
			if (exit != 0 || figures.isEmpty()) {
				throw new BenchException(
						"The JVM of %s stopped with exit status %d before it measured anything".formatted(label, exit));
			}
			String[] parts = figures.split(" ");
			return new Measurement(Double.parseDouble(parts[0]), Long.parseLong(parts[1]));
		}
		finally {
			Files.deleteIfExists(measured);
		}
	}

	/**
	 * The run in this JVM, timed: its seconds and the peak of the heap's pools (a new
	 * JVM's, so the peak is this importer's alone).
	 */
	Measurement measure(Path bundle, Path work, String pageCache) throws IOException {
		Path dir = work.resolve(directory);
		FileSystemUtils.deleteRecursively(dir);
		Path empty = Files.createDirectories(dir).toAbsolutePath().normalize();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		System.gc();
		long started = System.nanoTime();
		run(bundle, empty, pageCache);
		double seconds = (System.nanoTime() - started) / 1e9;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
		return new Measurement(seconds, peak);
	}

	/**
	 * What the new JVM runs, given {@code RUN BUNDLE WORK PAGE_CACHE MEASURED}: writes
	 * the seconds and the peak heap in bytes to {@code MEASURED}.
	 */
	static void runOne(List<String> args) throws IOException {
		Measurement measured = valueOf(args.get(0)).measure(Path.of(args.get(1)), Path.of(args.get(2)), args.get(3));
		Files.writeString(Path.of(args.get(4)), measured.seconds() + " " + measured.peakHeap());
	}

	/**
	 * The new JVM's main where this program runs from a class path rather than its jar
	 * (as under a test runner): {@link #runOne}, then exit 0, or 1 with the reason on
	 * standard error.
	 */
	public static void main(String[] args) {
		TransactionMetadata.setForCommandLine();
		int status = 0;
		try {
			runOne(List.of(args));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("bench ingest: " + args[0] + ": " + ex.getMessage());
			status = 1;
		}
		// The database's and the driver's threads would otherwise keep the JVM up.
		System.exit(status);
	}

}
