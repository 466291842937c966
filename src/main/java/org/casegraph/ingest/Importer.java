package org.casegraph.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import me.tongfei.progressbar.ProgressBar;
import org.casegraph.messaging.ContactAggregate;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link ImportPlan}: one transaction per batch, each recording its progress in
 * the import journal in the same transaction, then the who-messaged-whom contacts of
 * every new message. Killed at any point, the same command again resumes after the last
 * committed batch and ends with the same graph as an uninterrupted run.
 */
@Component
public class Importer {

	private static final String OPEN_JOB = CypherScript.load("cypher/ingest/open-job.cypher").single();

	private static final String EXHIBIT = CypherScript.load("cypher/ingest/exhibit.cypher").single();

	private static final String MISSING = CypherScript.load("cypher/ingest/missing.cypher").single();

	private static final String MESSAGES = "MATCH (m:Message) RETURN count(m) AS messages";

	private static final String BATCH_DONE = "MATCH (j:ImportJob {id: $id}) SET j.done = $done";

	private static final String FINISH_JOB = "MATCH (j:ImportJob {id: $id}) SET j.finished = datetime()";

	private final BulkCypher cypher;

	private final GraphWriter writer;

	private final ContactAggregate contacts;

	private final ApplicationEventPublisher events;

	public Importer(BulkCypher cypher, GraphWriter writer, ContactAggregate contacts,
			ApplicationEventPublisher events) {
		this.cypher = cypher;
		this.writer = writer;
		this.contacts = contacts;
		this.events = events;
	}

	/**
	 * Writes the plan and returns what changed (batches skipped on a resume are not
	 * counted again).
	 */
	public Result run(ImportPlan plan, PrintStream out) {
		return run(plan, null, out);
	}

	/**
	 * Like {@link #run(ImportPlan, PrintStream)}, recording the exhibit the plan was
	 * {@linkplain ImportPlan#stamped stamped} with (null for none) with the journal
	 * entry.
	 */
	public Result run(ImportPlan plan, Exhibit exhibit, PrintStream out) {
		requireExisting(plan);
		long messagesBefore = cypher.read(tx -> number(tx.list(MESSAGES, Map.of()), "messages"));
		int done = Math.toIntExact(cypher.write(tx -> {
			record(tx, exhibit);
			return number(
					tx.list(OPEN_JOB,
							Map.of("id", plan.fingerprint(), "name", plan.name(), "batches", plan.batches().count())),
					"done");
		}));
		WriteCounts counts = plan.rejected();
		try (ProgressBar progress = Progress.of(plan.name(), plan.rows(), out);
				Stream<GraphBatch> batches = plan.batches().stream()) {
			int index = 0;
			for (GraphBatch batch : (Iterable<GraphBatch>) batches::iterator) {
				index++;
				if (index > done) {
					counts = counts.plus(write(plan, batch, index));
				}
				progress.stepBy(batch.inputRows());
			}
		}
		boolean recount = recountsEarlierMessages(counts, messagesBefore) || contacts.rebuildInterrupted();
		long counted = recount ? contacts.rebuild() : contacts.countPending();
		cypher.write(FINISH_JOB, Map.of("id", plan.fingerprint()));
		events.publishEvent(new ImportFinished(plan.name()));
		return new Result(counts, done, counted, recount);
	}

	/**
	 * Records in the journal an import that an {@link OfflineLoad} wrote, so that running
	 * it again finds it finished, and returns what it did.
	 */
	public Result recordLoaded(ImportPlan plan, OfflineLoad load) {
		return recordLoaded(plan, load, null);
	}

	/** Like {@link #recordLoaded(ImportPlan, OfflineLoad)}, with the plan's exhibit. */
	public Result recordLoaded(ImportPlan plan, OfflineLoad load, Exhibit exhibit) {
		cypher.write(tx -> {
			record(tx, exhibit);
			tx.execute(OPEN_JOB,
					Map.of("id", plan.fingerprint(), "name", plan.name(), "batches", plan.batches().count()));
			tx.execute(BATCH_DONE, Map.of("id", plan.fingerprint(), "done", plan.batches().count()));
			tx.execute(FINISH_JOB, Map.of("id", plan.fingerprint()));
			return null;
		});
		events.publishEvent(new ImportFinished(plan.name()));
		return new Result(load.counts(), 0, load.messages(), false);
	}

	private static void record(BulkCypher.Tx tx, Exhibit exhibit) {
		if (exhibit != null) {
			tx.execute(EXHIBIT, Map.of("exhibit", exhibit.properties()));
		}
	}

	/** One batch and the journal entry that says it is written, in one transaction. */
	private WriteCounts write(ImportPlan plan, GraphBatch batch, int index) {
		return cypher.write(tx -> {
			WriteCounts written = writer.write(tx, batch);
			tx.execute(BATCH_DONE, Map.of("id", plan.fingerprint(), "done", index));
			return written;
		});
	}

	/**
	 * Whether the import changed whom messages already in the graph reached, or within
	 * which units: new or changed group memberships, direct recipients or unit
	 * memberships. Their contacts were counted under the old ones, so the aggregate is
	 * counted again.
	 */
	private static boolean recountsEarlierMessages(WriteCounts counts, long messagesBefore) {
		if (messagesBefore == 0) {
			return false;
		}
		return Stream.of("IN_GROUP", "TO", "Membership", "HAS_MEMBERSHIP", "IN_UNIT")
			.map(kind -> counts.byKind().getOrDefault(kind, new WriteCounts.Count(0, 0, 0, 0)))
			.anyMatch(count -> count.created() + count.updated() > 0);
	}

	/**
	 * Ids the input only refers to must be in the graph already; otherwise nothing is
	 * written.
	 */
	private void requireExisting(ImportPlan plan) {
		if (plan.requires().isEmpty()) {
			return;
		}
		List<String> missing = cypher.read(tx -> tx.list(MISSING, Map.of("ids", List.copyOf(plan.requires().keySet()))))
			.stream()
			.map(row -> (String) row.get("id"))
			.toList();
		plan.requireResolved(missing);
	}

	private static long number(List<Map<String, Object>> rows, String column) {
		return ((Number) rows.getFirst().get(column)).longValue();
	}

	/**
	 * What an import did.
	 *
	 * @param counts created, updated, unchanged and rejected per kind
	 * @param resumedAfter batches already committed by an earlier, interrupted run
	 * @param contactsCounted messages whose contacts were added to the aggregate
	 * @param recounted the whole aggregate was counted again, because the import changed
	 * whom earlier messages reached
	 */
	public record Result(WriteCounts counts, int resumedAfter, long contactsCounted, boolean recounted) {
	}

}
