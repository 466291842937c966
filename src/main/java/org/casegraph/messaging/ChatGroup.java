package org.casegraph.messaging;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A group chat whose messages were seized or exported.
 */
public record ChatGroup(String id, String name, String platform, boolean synthetic) implements Entity {

	static final String LABEL = "ChatGroup";

	public static ChatGroup from(Node node) {
		return new ChatGroup(Values.string(node, "id"), Values.string(node, "name"), Values.string(node, "platform"),
				Values.bool(node, "synthetic"));
	}

}
