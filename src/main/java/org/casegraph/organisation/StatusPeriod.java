package org.casegraph.organisation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * An officer's status over a period.
 */
public record StatusPeriod(String id, OfficerStatus status, LocalDate from, LocalDate to,
		String note) implements Entity {

	static final String LABEL = "StatusPeriod";

	public static StatusPeriod from(Node node) {
		return new StatusPeriod(Values.string(node, "id"), Values.constant(node, "status", OfficerStatus.class),
				Values.date(node, "from"), Values.date(node, "to"), Values.string(node, "note"));
	}

}
