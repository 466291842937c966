package org.casegraph.resolution;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two records that may be one person or account, with why and how likely, and what was
 * decided.
 *
 * @param id stable id (match: and a digest of the pair)
 * @param accountId the unresolved account, which "same" merges into the other
 * @param matchId the person or account it may be
 * @param score how likely, 0 to 1: one less the product of one less each evidence's score
 * @param evidence why
 * @param status open, unsure, same or different
 * @param decidedBy who decided, if anyone has
 * @param decidedAt when
 * @param reason why they decided so
 * @param mergeId the merge a "same" made
 */
public record MatchCandidate(String id, String accountId, String matchId, double score, List<Evidence> evidence,
		Status status, String decidedBy, OffsetDateTime decidedAt, String reason, String mergeId) {

	/** Where a candidate stands. */
	public enum Status {

		OPEN, UNSURE, SAME, DIFFERENT

	}

	public MatchCandidate {
		evidence = List.copyOf(evidence);
	}

	/** A candidate from its stored properties (evidence as three parallel lists). */
	@SuppressWarnings("unchecked")
	static MatchCandidate from(Map<String, Object> stored) {
		List<Object> kinds = (List<Object>) stored.getOrDefault("evidenceKinds", List.of());
		List<Object> scores = (List<Object>) stored.get("evidenceScores");
		List<Object> details = (List<Object>) stored.get("evidenceDetails");
		List<Evidence> evidence = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			evidence.add(new Evidence(Evidence.Kind.valueOf((String) kinds.get(i)),
					((Number) scores.get(i)).doubleValue(), (String) details.get(i)));
		}
		Object decidedAt = stored.get("decidedAt");
		return new MatchCandidate((String) stored.get("id"), (String) stored.get("left"), (String) stored.get("right"),
				((Number) stored.getOrDefault("score", 0)).doubleValue(), evidence,
				Status.valueOf((String) stored.get("status")), (String) stored.get("decidedBy"),
				(decidedAt instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime() : null,
				(String) stored.get("reason"), (String) stored.get("merge"));
	}

}
