package org.casegraph.query;

import java.util.function.Function;

import org.neo4j.driver.types.Node;

/**
 * How nodes with one label become one record type. A node with several labels takes the
 * kind with the highest {@code precedence} (an Officer is also a Person).
 *
 * @param label the Neo4j label
 * @param precedence higher wins when a node carries several known labels
 * @param mapper builds the record from the node
 */
public record EntityKind(String label, int precedence, Function<Node, ? extends Entity> mapper) {

	public static EntityKind of(String label, Function<Node, ? extends Entity> mapper) {
		return new EntityKind(label, 0, mapper);
	}

	public static EntityKind preferred(String label, Function<Node, ? extends Entity> mapper) {
		return new EntityKind(label, 10, mapper);
	}

}
