package org.casegraph.ingest;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.casegraph.messaging.ContactAggregate;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.stereotype.Component;

/**
 * Writes an {@link ImportPlan}: one transaction per batch, each recording its progress in
 * the import journal in the same transaction, then the who-messaged-whom contacts of
 * every new message. Killed at any point, the same command again resumes after the last
 * committed batch and ends with the same graph as an uninterrupted run.
 */
@Component
class Importer {

	private static final String OPEN_JOB = """
			MERGE (j:ImportJob {id: $id})
			  ON CREATE SET j.done = 0, j.started = datetime()
			SET j.name = $name, j.batches = $batches,
			    j.done = CASE WHEN j.finished IS NULL THEN j.done ELSE 0 END,
			    j.finished = null
			RETURN j.done AS done
			""";

	private static final String MISSING = """
			UNWIND $ids AS id
			OPTIONAL MATCH (n:Entity {id: id})
			WITH id, n WHERE n IS NULL
			RETURN id
			""";

	private static final String MESSAGES = "MATCH (m:Message) RETURN count(m) AS messages";

	private static final String BATCH_DONE = "MATCH (j:ImportJob {id: $id}) SET j.done = $done";

	private static final String FINISH_JOB = "MATCH (j:ImportJob {id: $id}) SET j.finished = datetime()";

	private final Driver driver;

	private final GraphWriter writer;

	private final ContactAggregate contacts;

	Importer(Driver driver, GraphWriter writer, ContactAggregate contacts) {
		this.driver = driver;
		this.writer = writer;
		this.contacts = contacts;
	}

	/**
	 * Writes the plan and returns what changed (batches skipped on a resume are not
	 * counted again).
	 */
	Result run(ImportPlan plan, PrintStream out) {
		try (Session session = driver.session()) {
			requireExisting(session, plan);
			long messagesBefore = session.executeRead(tx -> tx.run(MESSAGES).single().get("messages").asLong());
			int done = session.executeWrite(tx -> tx
				.run(OPEN_JOB, Map.of("id", plan.fingerprint(), "name", plan.name(), "batches", plan.batches().size()))
				.single()
				.get("done")
				.asInt());
			WriteCounts counts = plan.rejected();
			try (Progress progress = Progress.of(plan.name(), plan.rows(), out)) {
				progress.advance(rows(plan, done));
				for (int i = done; i < plan.batches().size(); i++) {
					GraphBatch batch = plan.batches().get(i);
					int next = i + 1;
					counts = counts.plus(session.executeWrite(tx -> {
						WriteCounts written = writer.write(tx, batch);
						tx.run(BATCH_DONE, Map.of("id", plan.fingerprint(), "done", next)).consume();
						return written;
					}));
					progress.advance(batch.size());
				}
			}
			boolean recount = recountsEarlierMessages(counts, messagesBefore);
			long counted = recount ? contacts.rebuild() : contacts.countPending();
			session.executeWrite(tx -> tx.run(FINISH_JOB, Map.of("id", plan.fingerprint())).consume());
			return new Result(counts, done, counted, recount);
		}
	}

	/**
	 * Whether the import changed whom messages already in the graph reached: new or
	 * changed group memberships or direct recipients. Their contacts were counted under
	 * the old ones, so the aggregate is counted again.
	 */
	private static boolean recountsEarlierMessages(WriteCounts counts, long messagesBefore) {
		if (messagesBefore == 0) {
			return false;
		}
		return java.util.stream.Stream.of("IN_GROUP", "TO")
			.map(kind -> counts.byKind().getOrDefault(kind, new WriteCounts.Count(0, 0, 0, 0)))
			.anyMatch(count -> count.created() + count.updated() > 0);
	}

	/**
	 * Ids the input only refers to must be in the graph already; otherwise nothing is
	 * written.
	 */
	private static void requireExisting(Session session, ImportPlan plan) {
		if (plan.requires().isEmpty()) {
			return;
		}
		List<String> missing = session
			.executeRead(tx -> tx.run(MISSING, Map.of("ids", List.copyOf(plan.requires().keySet())))
				.list(r -> r.get("id").asString()));
		if (!missing.isEmpty()) {
			String first = missing.getFirst();
			throw new InputException(
					plan.requires().get(first) + "'" + first + "' is neither in the input nor in the graph"
							+ ((missing.size() > 1) ? " (and " + (missing.size() - 1) + " more)" : ""));
		}
	}

	private static long rows(ImportPlan plan, int batches) {
		return plan.batches().subList(0, batches).stream().mapToLong(batch -> batch.size()).sum();
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
	record Result(WriteCounts counts, int resumedAfter, long contactsCounted, boolean recounted) {
	}

}
