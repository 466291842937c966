package org.casegraph.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch stamped with the exhibit it came from: messages, accounts, memberships and
 * group memberships name it among their properties; the rest, and the batch stamped, are
 * as they were.
 */
class GraphBatchTests {

	@Test
	void messagesAccountsAndMembershipsNameTheirExhibit() {
		GraphBatch batch = new GraphBatch();
		batch.node("officer:a", List.of("Person", "Officer"), properties("name", "A"));
		batch.node("account:a", List.of("Account"), properties("kind", "PHONE", "exhibit", "exhibit:old"));
		batch.message("message:1", "officer:a", null, properties("channel", "SMS", "body", "hello"));
		batch.relationship("officer:a", "IN_GROUP", "group:g", properties("from", "2018-01-01"));
		batch.relationship("officer:a", "USES", "account:a");

		GraphBatch stamped = batch.stamped("exhibit:1");

		assertThat(stamped.nodes()).extracting(node -> node.get("properties"))
			.containsExactly(Map.of("id", "officer:a", "name", "A"),
					Map.of("id", "account:a", "kind", "PHONE", "exhibit", "exhibit:1"));
		@SuppressWarnings("unchecked")
		Map<String, Object> message = (Map<String, Object>) stamped.messages().getFirst().get("properties");
		assertThat(message)
			.isEqualTo(Map.of("id", "message:1", "channel", "SMS", "body", "hello", "exhibit", "exhibit:1"))
			.hasSize(4)
			.containsEntry("exhibit", "exhibit:1");
		assertThat(List.copyOf(message.keySet())).containsExactly("channel", "body", "id", "exhibit");
		assertThat(message.get("body")).isEqualTo("hello");
		assertThat(stamped.relationships()).extracting(relationship -> relationship.get("properties"))
			.containsExactly(Map.of("from", "2018-01-01", "exhibit", "exhibit:1"), Map.of());

		assertThat(batch.messages().getFirst().get("properties"))
			.isEqualTo(Map.of("id", "message:1", "channel", "SMS", "body", "hello"));
		assertThat(batch.nodes().get(1).get("properties"))
			.isEqualTo(Map.of("id", "account:a", "kind", "PHONE", "exhibit", "exhibit:old"));
	}

	private static Map<String, Object> properties(Object... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
	}

}
