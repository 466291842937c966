package org.casegraph.organisation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A rank an officer held over a period.
 */
public record RankHeld(String id, String rank, LocalDate from, LocalDate to) implements Entity {

	static final String LABEL = "RankHeld";

	public static RankHeld from(Node node) {
		return new RankHeld(Values.string(node, "id"), Values.string(node, "rank"), Values.date(node, "from"),
				Values.date(node, "to"));
	}

}
