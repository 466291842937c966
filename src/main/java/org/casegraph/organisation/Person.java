package org.casegraph.organisation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A person in the case: an officer, an official or anyone who messages.
 */
public record Person(String id, String name, String role, boolean officer, boolean synthetic) implements Entity {

	static final String LABEL = "Person";

	public static Person from(Node node) {
		return new Person(Values.string(node, "id"), Values.string(node, "name"), Values.string(node, "role"),
				node.hasLabel(Officer.LABEL), Values.bool(node, "synthetic"));
	}

}
