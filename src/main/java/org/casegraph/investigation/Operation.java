package org.casegraph.investigation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A named operation grouping linked investigations.
 */
public record Operation(String id, String name, String description) implements Entity {

	static final String LABEL = "Operation";

	public static Operation from(Node node) {
		return new Operation(Values.string(node, "id"), Values.string(node, "name"),
				Values.string(node, "description"));
	}

}
