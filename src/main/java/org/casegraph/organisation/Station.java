package org.casegraph.organisation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A police station.
 */
public record Station(String id, String name, String description, boolean synthetic) implements Entity {

	static final String LABEL = "Station";

	public static Station from(Node node) {
		return new Station(Values.string(node, "id"), Values.string(node, "name"), Values.string(node, "description"),
				Values.bool(node, "synthetic"));
	}

}
