package org.casegraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.Exhibit;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.OfflineLoad;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.ingest.read.JsonGraphReader;
import org.casegraph.ingest.read.SnapReader;
import org.casegraph.ingest.read.WhatsAppReader;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.resolution.MatchCandidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import}: brings investigators' exports into the graph. Every format is validated
 * whole before anything is written; an error names file, line and field.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import data: validated whole first, written in batches, safe to run again.",
		subcommands = { ImportCommand.Csv.class, ImportCommand.Json.class, ImportCommand.Snap.class,
				ImportCommand.WhatsApp.class })
public class ImportCommand {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportCommand.class);

	/**
	 * Reads and validates, then writes; prints the summary. Input errors print one line
	 * and write nothing ({@link JobFailures}).
	 */
	static int importPlan(CommandSpec spec, DatabaseOptions database, Supplier<ImportPlan> read) {
		return importPlan(spec, database, read, false);
	}

	/**
	 * Like {@link #importPlan(CommandSpec, DatabaseOptions, Supplier)}; with
	 * {@code offline}, a data directory that holds no graph yet is loaded by Neo4j's
	 * batch importer instead of transactions.
	 */
	static int importPlan(CommandSpec spec, DatabaseOptions database, Supplier<ImportPlan> read, boolean offline) {
		return importPlan(spec, database, read, offline, null);
	}

	/**
	 * Like {@link #importPlan(CommandSpec, DatabaseOptions, Supplier, boolean)},
	 * recording {@code evidence} (a file or a bundle's folder) as the exhibit every
	 * message, account and membership came from.
	 */
	static int importPlan(CommandSpec spec, DatabaseOptions database, Supplier<ImportPlan> reader, boolean offline,
			Path evidence) {
		long started = System.nanoTime();
		PrintStream out = System.out;
		ImportPlan read = reader.get();
		long validated = System.nanoTime();
		// After the reader: it has checked that the files are there and readable.
		Exhibit exhibit = (evidence == null) ? null : Exhibit.of(evidence, System.getProperty("user.name"));
		ImportPlan plan = (exhibit == null) ? read : read.stamped(exhibit);
		OfflineLoad load = offline ? new OfflineLoad(plan, out) : null;
		try (var context = Jobs.start(database, load)) {
			// Logged here, once the application has set its logging up: it had not when
			// the input was read.
			log.debug("input read and validated in {} ms", (validated - started) / 1_000_000);
			Importer importer = context.getBean(Importer.class);
			Importer.Result result = (load != null && load.loaded()) ? importer.recordLoaded(plan, load, exhibit)
					: importer.run(plan, exhibit, out);
			JobAudit.record(context, spec, started);
			summary(out, plan, result);
			long candidates = context.getBean(MatchCandidates.class).open();
			if (candidates > 0) {
				out.printf("Match candidates to review: %d (matchCandidates in the API).%n", candidates);
			}
			return 0;
		}
	}

	private static void summary(PrintStream out, ImportPlan plan, Importer.Result result) {
		if (result.resumedAfter() > 0) {
			out.printf("Resumed an interrupted import after batch %d of %d.%n", result.resumedAfter(),
					plan.batches().count());
		}
		plan.notes().forEach(out::println);
		out.print(result.counts().table());
		out.printf(result.recounted()
				? "Recounted the contacts of all %d messages: the import changed group memberships or recipients.%n"
				: "Contacts counted for %d new messages.%n", result.contactsCounted());
	}

	@Command(name = "csv", mixinStandardHelpOptions = true,
			description = { "Import a CSV bundle: a folder of CSV files with headers, one per kind.",
					"See docs/import.md for the files and their columns." })
	static class Csv implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		DatabaseOptions database;

		@Parameters(index = "0", paramLabel = "DIR", description = "The bundle's folder.")
		Path dir;

		@Option(names = "--skip-invalid", description = "Write the valid rows and list the invalid ones.")
		boolean skipInvalid;

		@Option(names = "--batch-size", defaultValue = "10000", description = "Rows per transaction.")
		int batchSize;

		@Option(names = "--transactional", description = { "Write in transactions even into a new data directory.",
				"By default a new embedded data directory is loaded offline by Neo4j's batch importer." })
		boolean transactional;

		@Override
		public Integer call() {
			return importPlan(spec, database,
					() -> CsvBundleReader.read(new CsvBundleReader.Settings(dir, skipInvalid, batchSize)),
					!transactional, dir);
		}

	}

	@Command(name = "json", mixinStandardHelpOptions = true,
			description = "Import a graph written by `export` (casegraph-json/1).")
	static class Json implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		DatabaseOptions database;

		@Parameters(index = "0", paramLabel = "FILE", description = "The exported JSON file.")
		Path file;

		@Option(names = "--batch-size", defaultValue = "10000", description = "Relationships per transaction.")
		int batchSize;

		@Override
		public Integer call() {
			return importPlan(spec, database, () -> JsonGraphReader.read(file, batchSize));
		}

	}

	@Command(name = "snap", mixinStandardHelpOptions = true,
			description = { "Import a SNAP-style edge list: SENDER RECIPIENT [TIMESTAMP] per line.",
					"Each line is one message; a labels file (PERSON LABEL) makes units and memberships." })
	static class Snap implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		DatabaseOptions database;

		@Option(names = "--edges", required = true, paramLabel = "FILE", description = "The edge list.")
		Path edges;

		@Option(names = "--labels", paramLabel = "FILE", description = "PERSON LABEL per line: unit membership.")
		Path labels;

		@Option(names = "--unit-prefix", paramLabel = "TEXT", defaultValue = "Unit ",
				description = "Put before each label to name its unit (default '${DEFAULT-VALUE}').")
		String unitPrefix;

		@Option(names = "--dataset", paramLabel = "NAME",
				description = "Namespace of the ids (default: the edge file's name without extension).")
		String dataset;

		@Option(names = "--text-ids",
				description = "Take any word as a node id (by default ids are whole numbers, as in SNAP's data sets).")
		boolean textIds;

		@Option(names = "--skip-invalid", description = "Write the valid lines and list the invalid ones.")
		boolean skipInvalid;

		@Option(names = "--batch-size", defaultValue = "5000", description = "Messages per transaction.")
		int batchSize;

		@Override
		public Integer call() {
			String name = (dataset != null) ? dataset : edges.getFileName().toString().replaceFirst("\\.[^.]*$", "");
			return importPlan(spec, database,
					() -> SnapReader.read(
							new SnapReader.Settings(edges, labels, unitPrefix, name, textIds, skipInvalid, batchSize)),
					false, edges);
		}

	}

	@Command(name = "whatsapp", mixinStandardHelpOptions = true,
			description = { "Import a WhatsApp chat export (.txt, Android or iOS shape) as one chat group.",
					"Participants map to people through --aliases; the rest are kept as unresolved accounts." })
	static class WhatsApp implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		DatabaseOptions database;

		@Parameters(index = "0", paramLabel = "FILE", description = "The exported chat (.txt).")
		Path export;

		@Option(names = "--group", required = true, paramLabel = "NAME", description = "The chat group's name.")
		String group;

		@Option(names = "--aliases", paramLabel = "FILE",
				description = "CSV with header alias,personId: display names or numbers to people already imported.")
		Path aliases;

		@Option(names = "--zone", defaultValue = "Europe/London",
				description = "Time zone of the export's times (default ${DEFAULT-VALUE}).")
		java.time.ZoneId zone;

		@Option(names = "--month-first",
				description = "Dates are mm/dd/yyyy (US exports). By default told from the export: a first field above 12 means dd/mm, a second above 12 mm/dd; dd/mm when no day is above 12.")
		boolean monthFirst;

		@Option(names = "--batch-size", defaultValue = "5000", description = "Messages per transaction.")
		int batchSize;

		@Override
		public Integer call() {
			return importPlan(spec, database, () -> WhatsAppReader.read(new WhatsAppReader.Settings(export, group,
					aliases, zone, monthFirst ? Boolean.FALSE : null, batchSize)), false, export);
		}

	}

}
