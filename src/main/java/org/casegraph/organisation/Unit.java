package org.casegraph.organisation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A team or other unit of a force.
 */
public record Unit(String id, String name, String description, LocalDate disbanded,
		boolean synthetic) implements Entity {

	static final String LABEL = "Unit";

	public static Unit from(Node node) {
		return new Unit(Values.string(node, "id"), Values.string(node, "name"), Values.string(node, "description"),
				Values.date(node, "disbanded"), Values.bool(node, "synthetic"));
	}

}
