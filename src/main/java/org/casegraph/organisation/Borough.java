package org.casegraph.organisation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A borough (local authority area).
 */
public record Borough(String id, String name) implements Entity {

	static final String LABEL = "Borough";

	public static Borough from(Node node) {
		return new Borough(Values.string(node, "id"), Values.string(node, "name"));
	}

}
