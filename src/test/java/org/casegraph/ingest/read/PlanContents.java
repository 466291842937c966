package org.casegraph.ingest.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;

/** What a reader's plan would write, flattened for assertions. */
final class PlanContents {

	private PlanContents() {
	}

	/**
	 * The messages, as {@code id}, {@code sender}, {@code group} and {@code properties},
	 * in the order read: whether a reader added them as messages or as Message nodes with
	 * SENT and POSTED_IN relationships.
	 */
	static List<Map<String, Object>> messages(ImportPlan plan) {
		List<Map<String, Object>> messages = new ArrayList<>();
		plan.batches().stream().forEach(batch -> {
			messages.addAll(batch.messages());
			batch.nodes().stream().filter(node -> "Message".equals(node.get("kind"))).forEach(node -> {
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("id", node.get("id"));
				message.put("sender", end(batch, "SENT", node.get("id"), "to", "from"));
				message.put("group", end(batch, "POSTED_IN", node.get("id"), "from", "to"));
				message.put("properties", node.get("properties"));
				messages.add(message);
			});
		});
		return messages;
	}

	private static Object end(GraphBatch batch, String type, Object id, String known, String wanted) {
		return batch.relationships()
			.stream()
			.filter(relationship -> type.equals(relationship.get("type")) && id.equals(relationship.get(known)))
			.map(relationship -> relationship.get(wanted))
			.findFirst()
			.orElse(null);
	}

	static List<Map<String, Object>> nodes(ImportPlan plan) {
		return plan.batches().stream().flatMap(batch -> batch.nodes().stream()).toList();
	}

	static List<Map<String, Object>> relationships(ImportPlan plan) {
		return plan.batches().stream().flatMap(batch -> batch.relationships().stream()).toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> properties(Map<String, Object> row) {
		return (Map<String, Object>) row.get("properties");
	}

	static Map<String, Object> node(ImportPlan plan, String id) {
		return nodes(plan).stream().filter(node -> id.equals(node.get("id"))).findFirst().orElseThrow();
	}

	static long size(ImportPlan plan) {
		return plan.batches().stream().mapToLong(GraphBatch::size).sum();
	}

}
