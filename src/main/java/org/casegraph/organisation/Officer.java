package org.casegraph.organisation;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A police officer; rank and status are the current ones, their histories are nodes of
 * their own.
 */
public record Officer(String id, String name, String collarNumber, String rank, OfficerStatus status, boolean subject,
		boolean synthetic) implements Entity {

	static final String LABEL = "Officer";

	public static Officer from(Node node) {
		return new Officer(Values.string(node, "id"), Values.string(node, "name"), Values.string(node, "collarNumber"),
				Values.string(node, "rank"), Values.constant(node, "status", OfficerStatus.class),
				Values.bool(node, "subject"), Values.bool(node, "synthetic"));
	}

}
