package org.casegraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import me.tongfei.progressbar.ProgressBar;
import org.casegraph.messaging.ActivityTally;
import org.casegraph.messaging.ContactTally;
import org.casegraph.neo4j.StoreLoader;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import picocli.CommandLine;

import org.springframework.util.FileSystemUtils;

/**
 * An import into a data directory that holds no graph yet, done offline: the validated
 * plan is written as the batch importer's files (with the who-messaged-whom aggregate
 * worked out in memory and written as relationships, the activity aggregate as nodes),
 * Neo4j's batch importer builds the store from them, and the database then starts on it;
 * the schema's constraints and indexes are built as it starts. Killed part-way, the next
 * run of the same command starts the load again from scratch.
 */
public final class OfflineLoad implements StoreLoader {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OfflineLoad.class);

	/** Batches of the input read ahead of the one being written. */
	private static final int BATCHES_AHEAD = 4;

	/** The aggregate's rows worked out ahead of the one being written. */
	private static final int ROWS_AHEAD = 1024;

	private final ImportPlan plan;

	private final PrintStream out;

	private WriteCounts counts;

	private long messages;

	public OfflineLoad(ImportPlan plan, PrintStream out) {
		this.plan = plan;
		this.out = out;
	}

	/** Whether the store was loaded, rather than left to the transactional importer. */
	public boolean loaded() {
		return counts != null;
	}

	/** What the load wrote, per kind. */
	public WriteCounts counts() {
		return counts;
	}

	/** Messages whose contacts the load counted. */
	public long messages() {
		return messages;
	}

	@Override
	public void load(Path home) throws IOException {
		Path staging = home.resolve("import-staging");
		FileSystemUtils.deleteRecursively(staging);
		Files.createDirectories(staging);
		WriteCounts written;
		try (AdminCsv files = new AdminCsv(staging, plan.rows())) {
			written = writeAll(files);
			files.close();
			shrinkHeap();
			runBatchImporter(home, staging, files);
		}
		FileSystemUtils.deleteRecursively(staging);
		this.counts = plan.rejected().plus(written);
	}

	/**
	 * Writes the input's files and the aggregate's. What the aggregate was worked out
	 * from is dropped when this returns, so that the batch importer runs without it.
	 */
	private WriteCounts writeAll(AdminCsv files) {
		long started = System.nanoTime();
		Facts facts = new Facts();
		WriteCounts written = writeFiles(files, facts);
		log.debug("batch importer's files written in {} ms", (System.nanoTime() - started) / 1_000_000);
		ContactTally tally = facts.tally();
		long pairs = written(readAhead(tally::drainRows, ROWS_AHEAD), pair -> files
			.relationship((String) pair.get("sender"), "CONTACTED", (String) pair.get("recipient"), withoutEnds(pair)));
		log.debug("{} pairs worked out and written in {} ms", pairs, (System.nanoTime() - started) / 1_000_000);
		facts.activity.rows().forEach(month -> files.node(List.of("ActivityMonth"), month));
		written(readAhead(tally::drainUnitRows, ROWS_AHEAD),
				pair -> files.node(List.of("UnitContacts"), withoutNulls(pair)));
		log.debug("who-messaged-whom aggregate worked out and written in {} ms",
				(System.nanoTime() - started) / 1_000_000);
		this.messages = facts.messages.size();
		return written;
	}

	/**
	 * One full collection before the batch importer runs in this JVM: the aggregate's
	 * facts and what two threads allocated writing the files had grown the process to 6
	 * to 8 GiB at M, and beside it the importer took 42 to 55 s instead of 36 to 38.
	 */
	private static void shrinkHeap() {
		System.gc();
	}

	/**
	 * A new store holds nothing the input could refer to: every reference must be
	 * resolved within it.
	 */
	@Override
	public void requireLoadable() {
		plan.requireResolved(List.copyOf(plan.requires().keySet()));
	}

	private WriteCounts writeFiles(AdminCsv files, Facts facts) {
		WriteCounts written = WriteCounts.NONE;
		try (ProgressBar progress = Progress.of(plan.name() + " (offline)", plan.rows(), out);
				Stream<GraphBatch> batches = readAhead(plan.batches()::stream, BATCHES_AHEAD)) {
			for (GraphBatch batch : (Iterable<GraphBatch>) batches::iterator) {
				written = written.plus(write(files, facts, batch));
				progress.stepBy(batch.inputRows());
			}
		}
		return written;
	}

	/**
	 * What {@code source} gives, read and built on another thread while this one writes
	 * what came before, so that both cores work: reading, typing and building the input's
	 * batches took about half of the pass that writes them, and working out the pairs'
	 * rows about half of the pass that writes those. An error still ends the load where
	 * it happened.
	 */
	private static <T> Stream<T> readAhead(Supplier<Stream<? extends T>> source, int ahead) {
		return ReadAhead.of("casegraph-import-read-ahead", source, ahead);
	}

	/** Hands every row to {@code writer}; returns how many. */
	private static long written(Stream<Map<String, Object>> rows, Consumer<Map<String, Object>> writer) {
		try (rows) {
			long count = 0;
			for (Map<String, Object> row : (Iterable<Map<String, Object>>) rows::iterator) {
				writer.accept(row);
				count++;
			}
			return count;
		}
	}

	@SuppressWarnings("unchecked")
	private static WriteCounts write(AdminCsv files, Facts facts, GraphBatch batch) {
		Map<String, Long> created = new HashMap<>();
		for (Map<String, Object> node : batch.nodes()) {
			files.node((List<String>) node.get("labels"), (Map<String, Object>) node.get("properties"));
			facts.node(node);
			created.merge((String) node.get("kind"), 1L, Long::sum);
		}
		for (Map<String, Object> message : batch.messages()) {
			String id = (String) message.get("id");
			files.node(List.of("Entity", "Message"), (Map<String, Object>) message.get("properties"));
			files.relationship((String) message.get("sender"), "SENT", id, Map.of());
			if (message.get("group") != null) {
				files.relationship(id, "POSTED_IN", (String) message.get("group"), Map.of());
			}
			facts.message(message);
			created.merge("Message", 1L, Long::sum);
		}
		for (Map<String, Object> relationship : batch.relationships()) {
			String type = (String) relationship.get("type");
			files.relationship((String) relationship.get("from"), type, (String) relationship.get("to"),
					(Map<String, Object>) relationship.get("properties"));
			facts.relationship(relationship);
			created.merge(type, 1L, Long::sum);
		}
		WriteCounts counts = WriteCounts.NONE;
		for (var entry : created.entrySet()) {
			counts = counts.plus(entry.getKey(), new WriteCounts.Count(entry.getValue(), 0, 0, 0));
		}
		return counts;
	}

	private static Map<String, Object> withoutEnds(Map<String, Object> pair) {
		Map<String, Object> properties = withoutNulls(pair);
		properties.remove("sender");
		properties.remove("recipient");
		return properties;
	}

	private static Map<String, Object> withoutNulls(Map<String, Object> row) {
		Map<String, Object> properties = new HashMap<>(row);
		properties.values().removeIf(value -> value == null);
		return properties;
	}

	/**
	 * Runs Neo4j's batch importer into the data directory; its own report goes to a log
	 * file.
	 */
	private void runBatchImporter(Path home, Path staging, AdminCsv files) {
		List<String> args = new ArrayList<>(List.of("neo4j", "--id-type=actual", "--multiline-fields=true",
				"--array-delimiter=" + AdminCsv.ARRAY_DELIMITER, "--overwrite-destination=true", "--bad-tolerance=0",
				"--report-file=" + staging.resolve("import.report")));
		files.nodeFiles().forEach(file -> args.add("--nodes=" + file));
		files.relationshipFiles().forEach(file -> args.add("--relationships=" + file));
		Path logFile = home.resolve("offline-import.log");
		out.println("Building the store with Neo4j's batch importer (its report: " + logFile + ")");
		long started = System.nanoTime();
		int exit;
		try (PrintStream report = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
			Path conf = Files.createDirectories(staging.resolve("conf"));
			var command = new ImportCommand.Full(new ExecutionContext(home, conf, report, report,
					new org.neo4j.io.fs.DefaultFileSystemAbstraction()));
			exit = new CommandLine(command).execute(args.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (exit != 0) {
			throw new IllegalStateException("Neo4j's batch importer failed (exit " + exit + "); see " + logFile);
		}
		log.debug("batch import in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * What the aggregate needs from the input: each message's sender, group, time,
	 * channel and direct recipients, the chat group memberships and the unit memberships
	 * (a Membership node's dates, its person and its unit).
	 */
	private static final class Facts {

		private static final Comparator<MessageFacts> IN_TIME = Comparator.comparingLong(MessageFacts::second);

		private final Map<String, MessageFacts> messages = new HashMap<>();

		/**
		 * Each sender's messages, so that the tally takes a sender at a time (their pairs
		 * are looked up among theirs alone) without ordering a million messages by
		 * sender: that sort was a fifth of the time between the files and the batch
		 * importer.
		 */
		private final Map<String, List<MessageFacts>> bySender = new HashMap<>();

		private final ContactTally.Memberships memberships = new ContactTally.Memberships();

		private final ActivityTally activity = new ActivityTally();

		/** Membership nodes' dates, persons and units, by the membership's id. */
		private final Map<String, Dates> membershipDates = new HashMap<>();

		private final Map<String, String> membershipPerson = new HashMap<>();

		private final Map<String, String> membershipUnit = new HashMap<>();

		@SuppressWarnings("unchecked")
		void node(Map<String, Object> row) {
			if ("Membership".equals(row.get("kind"))) {
				Map<String, Object> properties = (Map<String, Object>) row.get("properties");
				membershipDates.put((String) row.get("id"),
						new Dates((LocalDate) properties.get("from"), (LocalDate) properties.get("to")));
			}
		}

		@SuppressWarnings("unchecked")
		void message(Map<String, Object> row) {
			Map<String, Object> properties = (Map<String, Object>) row.get("properties");
			ZonedDateTime sentAt = zoned(properties.get("sentAt"));
			MessageFacts facts = new MessageFacts((String) row.get("sender"), (String) row.get("group"), sentAt,
					(String) properties.get("channel"), new ArrayList<>(1));
			messages.put((String) row.get("id"), facts);
			bySender.computeIfAbsent(facts.sender(), sender -> new ArrayList<>()).add(facts);
			activity.message((String) row.get("sender"), sentAt, Boolean.TRUE.equals(properties.get("flagged")));
		}

		@SuppressWarnings("unchecked")
		void relationship(Map<String, Object> row) {
			switch ((String) row.get("type")) {
				case "TO" -> {
					MessageFacts message = messages.get((String) row.get("from"));
					if (message != null) {
						message.recipients().add((String) row.get("to"));
					}
				}
				case "HAS_MEMBERSHIP" -> membershipPerson.put((String) row.get("to"), (String) row.get("from"));
				case "IN_UNIT" -> membershipUnit.put((String) row.get("from"), (String) row.get("to"));
				case "IN_GROUP" -> {
					Map<String, Object> dates = (Map<String, Object>) row.get("properties");
					memberships.add((String) row.get("to"), (String) row.get("from"), (LocalDate) dates.get("from"),
							(LocalDate) dates.get("to"));
				}
				default -> {
				}
			}
		}

		ContactTally tally() {
			ContactTally.UnitMemberships units = new ContactTally.UnitMemberships();
			membershipPerson.forEach((id, person) -> {
				Dates dates = membershipDates.getOrDefault(id, Dates.OPEN);
				if (membershipUnit.containsKey(id)) {
					units.add(membershipUnit.get(id), person, dates.from(), dates.to());
				}
			});
			ContactTally tally = new ContactTally(memberships, units);
			for (List<MessageFacts> sent : bySender.values()) {
				// In time order, so that a pair's contacts mostly fall in the month its
				// last one did; a bundle's messages mostly come so already.
				sent.sort(IN_TIME);
				sent.forEach(m -> tally.message(m.sender(), m.group(), m.sentAt(), m.channel(), m.recipients()));
			}
			return tally;
		}

		private static ZonedDateTime zoned(Object value) {
			return switch (value) {
				case OffsetDateTime time -> time.toZonedDateTime();
				case ZonedDateTime time -> time;
				case null, default -> null;
			};
		}

	}

	/** A membership's first and last day; null ends are open. */
	private record Dates(LocalDate from, LocalDate to) {

		static final Dates OPEN = new Dates(null, null);

	}

	/**
	 * A message's facts; {@code second} orders a sender's messages in time as a number,
	 * since comparing date-times with zones was a third of the tally's time.
	 */
	private record MessageFacts(String sender, String group, ZonedDateTime sentAt, long second, String channel,
			List<String> recipients) {

		MessageFacts(String sender, String group, ZonedDateTime sentAt, String channel, List<String> recipients) {
			this(sender, group, sentAt, (sentAt != null) ? sentAt.toEpochSecond() : Long.MIN_VALUE, channel,
					recipients);
		}

	}

}
