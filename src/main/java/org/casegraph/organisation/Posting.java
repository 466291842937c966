package org.casegraph.organisation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A person's posting to a station between two dates; person and station are reached
 * through its relationships.
 */
public record Posting(String id, LocalDate from, LocalDate to, boolean synthetic) implements Entity {

	static final String LABEL = "Posting";

	public static Posting from(Node node) {
		return new Posting(Values.string(node, "id"), Values.date(node, "from"), Values.date(node, "to"),
				Values.bool(node, "synthetic"));
	}

}
