package org.casegraph.investigation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A recommendation the watchdog made to the force.
 */
public record Recommendation(String id, Integer number, String text, boolean disclosed) implements Entity {

	static final String LABEL = "Recommendation";

	public static Recommendation from(Node node) {
		return new Recommendation(Values.string(node, "id"), Values.integer(node, "number"),
				Values.string(node, "text"), Values.bool(node, "disclosed"));
	}

}
