package org.casegraph.organisation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A force, watchdog or other organisation.
 */
public record Organisation(String id, String name, String shortName, String kind) implements Entity {

	static final String LABEL = "Organisation";

	public static Organisation from(Node node) {
		return new Organisation(Values.string(node, "id"), Values.string(node, "name"),
				Values.string(node, "shortName"), Values.string(node, "kind"));
	}

}
