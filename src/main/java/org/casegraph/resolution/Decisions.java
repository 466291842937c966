package org.casegraph.resolution;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casegraph.casework.Payloads;
import org.casegraph.casework.Payloads.Conflict;
import org.casegraph.casework.Payloads.Invalid;
import org.casegraph.casework.Payloads.NotFound;
import org.casegraph.messaging.ContactAggregate;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;

import org.springframework.stereotype.Component;

/**
 * Decisions on match candidates, and the merges "same" makes. A merge moves every
 * relationship of the account to the record it is the same as (its messages, memberships,
 * contacts), marks each moved one with the merge, links the two by {@code SAME_AS} and
 * counts the who-messaged-whom pairs around them again: all in one transaction, so that a
 * merge killed half-way leaves nothing. Decisions and undos take one lock in turn: of two
 * conflicting merges, the second finds what the first did and answers {@link Conflict}.
 */
@Component
class Decisions {

	static final int MAX_REASON = 2_000;

	private final String lock = script("cypher/resolution/lock.cypher");

	private final String candidate = script("cypher/resolution/candidate.cypher");

	private final String decide = script("cypher/resolution/decide.cypher");

	private final String moveRelationships = script("cypher/resolution/move-relationships.cypher");

	private final String recordMerge = script("cypher/resolution/record-merge.cypher");

	private final String merge = script("cypher/resolution/merge.cypher");

	private final String moveBack = script("cypher/resolution/move-back.cypher");

	private final String undoMerge = script("cypher/resolution/undo-merge.cypher");

	private final String merges = script("cypher/resolution/merges.cypher");

	private final BulkCypher writes;

	private final GraphReader reads;

	private final ContactAggregate contacts;

	Decisions(BulkCypher writes, GraphReader reads, ContactAggregate contacts) {
		this.writes = writes;
		this.reads = reads;
		this.contacts = contacts;
	}

	/**
	 * A candidate decided.
	 *
	 * @param candidate the candidate after the decision
	 * @param merge the merge a "same" made, or null
	 */
	record MatchDecided(MatchCandidate candidate, Merge merge) {
	}

	/**
	 * A merge undone.
	 *
	 * @param mergeId the merge
	 * @param candidate its candidate, as it was before the decision
	 * @param relationshipsMoved how many relationships moved back
	 */
	record MergeUndone(String mergeId, MatchCandidate candidate, long relationshipsMoved) {
	}

	Object decide(Caller caller, Disclosure disclosure, String candidateId, MatchCandidate.Status decision,
			String reason) {
		Object refused = Payloads.refused(caller, disclosure, "decideMatch");
		if (refused != null) {
			return refused;
		}
		if (decision == MatchCandidate.Status.OPEN) {
			return new Invalid("Argument 'decision': decide SAME, DIFFERENT or UNSURE", "decision");
		}
		if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
			return new Invalid("Argument 'reason': say why, in 1 to " + MAX_REASON + " characters", "reason");
		}
		Object result = writes.write(tx -> {
			tx.execute(lock, Map.of());
			List<Map<String, Object>> found = tx.list(candidate, Map.of("id", candidateId));
			if (found.isEmpty()) {
				return new NotFound("No match candidate has the id " + candidateId, List.of(candidateId));
			}
			MatchCandidate before = MatchCandidate.from(map(found.getFirst().get("candidate")));
			Object refusal = conflict(before, found.getFirst());
			if (refusal != null) {
				return refusal;
			}
			ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
			Merge merged = (decision == MatchCandidate.Status.SAME) ? merge(tx, before, caller, reason, now) : null;
			Map<String, Object> parameters = new LinkedHashMap<>();
			parameters.put("id", candidateId);
			parameters.put("status", decision.name());
			parameters.put("by", caller.name());
			parameters.put("at", now);
			parameters.put("reason", reason);
			parameters.put("merge", (merged == null) ? null : merged.id());
			MatchCandidate after = MatchCandidate.from(map(tx.list(decide, parameters).getFirst().get("candidate")));
			return new MatchDecided(after, merged);
		});
		if (result instanceof MatchDecided decided) {
			Map<String, Object> changed = new LinkedHashMap<>();
			changed.put("mutation", "decideMatch");
			changed.put("candidate", candidateId);
			changed.put("decision", decision.name());
			if (decided.merge() != null) {
				changed.put("merge", decided.merge().id());
				changed.put("absorbed", decided.merge().absorbedId());
				changed.put("survivor", decided.merge().survivorId());
				changed.put("relationshipsMoved", decided.merge().relationshipsMoved());
			}
			disclosure.changed(changed);
		}
		return result;
	}

	/** Why a candidate cannot be decided now, or null. */
	private static Conflict conflict(MatchCandidate candidate, Map<String, Object> row) {
		if (candidate.status() == MatchCandidate.Status.SAME || candidate.status() == MatchCandidate.Status.DIFFERENT) {
			return new Conflict("Match candidate %s was decided %s by %s at %s".formatted(candidate.id(),
					candidate.status(), candidate.decidedBy(), candidate.decidedAt()), null);
		}
		List<?> merged = (List<?>) row.get("merged");
		if (!merged.isEmpty()) {
			Map<?, ?> since = (Map<?, ?>) merged.getFirst();
			return new Conflict("Match candidate %s: %s was merged since (%s into %s by %s)".formatted(candidate.id(),
					since.get("record"), since.get("record"), since.get("into"), since.get("merge")), null);
		}
		if (((List<?>) row.get("existing")).size() < 2) {
			return new Conflict("Match candidate %s: one of its records is gone".formatted(candidate.id()), null);
		}
		return null;
	}

	private Merge merge(BulkCypher.Tx tx, MatchCandidate candidate, Caller caller, String reason, ZonedDateTime now) {
		String id = "merge:" + UUID.randomUUID();
		List<String> senders = contacts.sendersAround(tx, List.of(candidate.accountId(), candidate.matchId()));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("absorbed", candidate.accountId());
		parameters.put("survivor", candidate.matchId());
		parameters.put("merge", id);
		parameters.put("by", caller.name());
		parameters.put("at", now);
		long moved = ((Number) tx.list(moveRelationships, parameters).getFirst().get("moved")).longValue();
		contacts.recount(tx, senders);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.put("candidate", candidate.id());
		record.put("absorbed", candidate.accountId());
		record.put("survivor", candidate.matchId());
		record.put("by", caller.name());
		record.put("at", now);
		record.put("reason", reason);
		record.put("moved", moved);
		record.put("previousStatus", candidate.status().name());
		record.put("previousDecidedBy", candidate.decidedBy());
		record.put("previousDecidedAt",
				(candidate.decidedAt() == null) ? null : candidate.decidedAt().toZonedDateTime());
		record.put("previousReason", candidate.reason());
		record.values().removeIf(value -> value == null);
		return Merge.from(map(tx.list(recordMerge, Map.of("merge", record)).getFirst().get("merge")));
	}

	Object undo(Caller caller, Disclosure disclosure, String mergeId) {
		Object refused = Payloads.refused(caller, disclosure, "undoMerge");
		if (refused != null) {
			return refused;
		}
		Object result = writes.write(tx -> {
			tx.execute(lock, Map.of());
			List<Map<String, Object>> found = tx.list(merge, Map.of("id", mergeId));
			if (found.isEmpty()) {
				return new NotFound("No merge in force has the id " + mergeId, List.of(mergeId));
			}
			Merge undone = Merge.from(map(found.getFirst().get("merge")));
			List<?> since = (List<?>) found.getFirst().get("mergedSince");
			if (!since.isEmpty()) {
				return new Conflict("Merge %s: %s was merged into %s since; undo that first".formatted(mergeId,
						undone.survivorId(), since.getFirst()), null);
			}
			List<String> senders = contacts.sendersAround(tx, List.of(undone.absorbedId(), undone.survivorId()));
			long moved = ((Number) tx
				.list(moveBack,
						Map.of("absorbed", undone.absorbedId(), "survivor", undone.survivorId(), "merge", mergeId))
				.getFirst()
				.get("moved")).longValue();
			contacts.recount(tx, senders);
			MatchCandidate candidate = MatchCandidate
				.from(map(tx.list(undoMerge, Map.of("id", mergeId)).getFirst().get("candidate")));
			return new MergeUndone(mergeId, candidate, moved);
		});
		if (result instanceof MergeUndone undone) {
			disclosure.changed(Map.of("mutation", "undoMerge", "merge", mergeId, "candidate", undone.candidate().id(),
					"relationshipsMoved", undone.relationshipsMoved()));
		}
		return result;
	}

	List<Merge> merges() {
		return reads.list(merges, Map.of(), record -> Merge.from(record.get("merge").asMap()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static String script(String path) {
		return CypherScript.load(path).single();
	}

}
