package org.casegraph.messaging;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A phone number, app handle or e-mail address a person used to message.
 */
public record Account(String id, AccountKind kind, String handle, boolean resolved,
		boolean synthetic) implements Entity {

	static final String LABEL = "Account";

	public static Account from(Node node) {
		return new Account(Values.string(node, "id"), Values.constant(node, "kind", AccountKind.class),
				Values.string(node, "handle"), Values.bool(node, "resolved"), Values.bool(node, "synthetic"));
	}

}
