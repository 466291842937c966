package org.casegraph.investigation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A force's response to a recommendation.
 */
public record Response(String id, boolean accepted, LocalDate date, String text) implements Entity {

	static final String LABEL = "Response";

	public static Response from(Node node) {
		return new Response(Values.string(node, "id"), Values.bool(node, "accepted"), Values.date(node, "date"),
				Values.string(node, "text"));
	}

}
