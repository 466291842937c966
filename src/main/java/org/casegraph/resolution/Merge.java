package org.casegraph.resolution;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * A merge in force: a "same" decision that moved one record's relationships to another.
 *
 * @param id stable id (merge:...)
 * @param candidateId the candidate decided
 * @param absorbedId the record merged away (kept, linked by SAME_AS to the survivor)
 * @param survivorId the record that holds the union now
 * @param by who decided
 * @param at when
 * @param reason why
 * @param relationshipsMoved how many relationships moved to the survivor
 */
public record Merge(String id, String candidateId, String absorbedId, String survivorId, String by, OffsetDateTime at,
		String reason, long relationshipsMoved) {

	static Merge from(Map<String, Object> stored) {
		return new Merge((String) stored.get("id"), (String) stored.get("candidate"), (String) stored.get("absorbed"),
				(String) stored.get("survivor"), (String) stored.get("by"),
				((ZonedDateTime) stored.get("at")).toOffsetDateTime(), (String) stored.get("reason"),
				((Number) stored.get("moved")).longValue());
	}

}
