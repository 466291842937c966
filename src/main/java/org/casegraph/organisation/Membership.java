package org.casegraph.organisation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A person's membership of a unit between two dates; person and unit are reached through
 * its relationships.
 */
public record Membership(String id, LocalDate from, LocalDate to, String role, boolean synthetic) implements Entity {

	static final String LABEL = "Membership";

	public static Membership from(Node node) {
		return new Membership(Values.string(node, "id"), Values.date(node, "from"), Values.date(node, "to"),
				Values.string(node, "role"), Values.bool(node, "synthetic"));
	}

	/** Whether this covers {@code day}; a null day is covered. */
	boolean covers(LocalDate day) {
		return day == null || ((from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day)));
	}

}
