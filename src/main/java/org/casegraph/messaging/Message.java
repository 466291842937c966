package org.casegraph.messaging;

import java.time.OffsetDateTime;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * One message, to a chat group or directly to its recipients.
 */
public record Message(String id, OffsetDateTime sentAt, String body, MessageChannel channel, boolean discriminatory,
		boolean sexualised, boolean violent, boolean threatening, boolean flagged, boolean deletedRecovered,
		boolean deleted, boolean media, boolean synthetic) implements Entity {

	static final String LABEL = "Message";

	public static Message from(Node node) {
		return new Message(Values.string(node, "id"), Values.dateTime(node, "sentAt"), Values.string(node, "body"),
				Values.constant(node, "channel", MessageChannel.class), Values.bool(node, "discriminatory"),
				Values.bool(node, "sexualised"), Values.bool(node, "violent"), Values.bool(node, "threatening"),
				Values.bool(node, "flagged"), Values.bool(node, "deletedRecovered"), Values.bool(node, "deleted"),
				Values.bool(node, "media"), Values.bool(node, "synthetic"));
	}

}
