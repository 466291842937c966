package org.casegraph.network;

import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Entities;
import org.casegraph.query.Entity;
import org.casegraph.query.Limits;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

import org.springframework.stereotype.Component;

/**
 * Who could have seen a message and what they passed on: its recipients (or its group's
 * members on the day, by dated memberships), the messages each of them sent within some
 * days afterwards and whom those reached, and their failure-to-report allegations.
 */
@Component
class Exposure {

	static final int MAX_DAYS = 366;

	private final String saw = CypherScript.load("cypher/network/exposure-saw.cypher").single();

	private final String onward = CypherScript.load("cypher/network/exposure-onward.cypher").single();

	private final String failureToReport = CypherScript.load("cypher/network/failure-to-report.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Entities entities;

	private final Limits limits;

	Exposure(ReadOnlyCypher cypher, Entities entities, Limits limits) {
		this.cypher = cypher;
		this.entities = entities;
		this.limits = limits;
	}

	/**
	 * Someone who could have seen the message.
	 *
	 * @param id their id
	 * @param node the person (or account)
	 * @param via DIRECT (a recipient) or GROUP (a member of its group that day)
	 * @param failureToReport the failure-to-report allegations against them
	 */
	record Exposed(String id, Entity node, String via, List<Entity> failureToReport) {
	}

	/**
	 * A message one of them sent afterwards.
	 *
	 * @param messageId the message
	 * @param from who sent it (one who could have seen the first)
	 * @param to whom it reached
	 * @param sentAt when
	 */
	record Onward(String messageId, String from, List<String> to, OffsetDateTime sentAt) {
	}

	/**
	 * The answer.
	 *
	 * @param messageId the message
	 * @param senderId who sent it
	 * @param exposed who could have seen it, by id
	 * @param onward what they sent within the days after, oldest first
	 * @param graph the same as a graph
	 */
	record Result(String messageId, String senderId, List<Exposed> exposed, List<Onward> onward, Graph graph) {
	}

	Result of(String messageId, int days, boolean explain) {
		if (days < 0 || days > MAX_DAYS) {
			throw new BadRequestException(
					"Argument 'days': " + days + " is not a number of days from 0 to " + MAX_DAYS);
		}
		return cypher.read(statements -> {
			List<Record> rows = statements.run(saw, Map.of("id", messageId));
			if (rows.isEmpty()) {
				requireMessage(statements, messageId);
			}
			GraphBuilder graph = new GraphBuilder();
			String sender = null;
			ZonedDateTime sentAt = null;
			Map<String, String> via = new LinkedHashMap<>();
			Map<String, Node> people = new LinkedHashMap<>();
			long sent = 0;
			for (Record row : rows) {
				sent += row.get("sent").asLong();
				sentAt = row.get("sentAt").isNull() ? null : row.get("sentAt").asZonedDateTime();
				if (!row.get("sender").isNull()) {
					sender = graph.node(row.get("sender").asNode(), Map.of("role", "SENDER"));
				}
				Node person = row.get("p").asNode();
				people.put(person.get("id").asString(), person);
				via.put(person.get("id").asString(), row.get("via").asString());
				graph.node(person, Map.of("role", "EXPOSED"));
				if (sender != null) {
					graph.edge("SAW", sender, person.get("id").asString(), null,
							Map.of("via", row.get("via").asString()));
				}
			}
			List<String> ids = List.copyOf(people.keySet());
			Map<String, List<Entity>> allegations = failureToReport(statements, ids);
			List<Exposed> exposed = ids.stream()
				.map(id -> new Exposed(id, entities.read(people.get(id)).orElse(null), via.get(id),
						allegations.getOrDefault(id, List.of())))
				.toList();
			List<Onward> passed = (sentAt == null) ? List.of()
					: onward(statements, graph, ids, sentAt, days, windowReadBelow(sent));
			return new Result(messageId, sender, exposed, passed,
					graph.build(null, explain ? statements.executed() : null));
		});
	}

	private static void requireMessage(ReadOnlyCypher.Statements statements, String messageId) {
		boolean message = NodesById.find(statements, List.of(messageId))
			.values()
			.stream()
			.anyMatch(node -> node.hasLabel("Message"));
		if (!message) {
			throw new BadRequestException("Argument 'message': no message has id '" + messageId + "'");
		}
	}

	private Map<String, List<Entity>> failureToReport(ReadOnlyCypher.Statements statements, List<String> ids) {
		Map<String, List<Entity>> byPerson = new LinkedHashMap<>();
		for (Record row : statements.run(failureToReport, Map.of("ids", ids))) {
			entities.read(row.get("a").asNode())
				.ifPresent(allegation -> byPerson.computeIfAbsent(row.get("key").asString(), key -> new ArrayList<>())
					.add(allegation));
		}
		return byPerson;
	}

	/**
	 * Below how many messages in the window the onward statement reads the window rather
	 * than all that the exposed ever sent: a quarter of the latter, so that counting the
	 * window, which stops there, adds at most a quarter when the senders are read after
	 * all. Counting an index entry costs about what reading a sent message does.
	 */
	static long windowReadBelow(long sent) {
		return Math.max(1, sent / 4);
	}

	/**
	 * The messages the exposed sent afterwards, each a PASSED_ON edge to whom it reached.
	 */
	private List<Onward> onward(ReadOnlyCypher.Statements statements, GraphBuilder graph, List<String> ids,
			ZonedDateTime sentAt, int days, long windowReadBelow) {
		List<Onward> passed = new ArrayList<>();
		Map<String, PassedOn> edges = new LinkedHashMap<>();
		Map<String, Object> parameters = Map.of("ids", ids, "after", sentAt, "until", sentAt.plusDays(days), "fewer",
				windowReadBelow);
		for (Record row : statements.run(onward, parameters)) {
			String from = row.get("from").asString();
			List<String> to = new ArrayList<>();
			for (Value value : row.get("reached").values()) {
				Node reached = value.asNode();
				String id = reached.get("id").asString();
				to.add(id);
				if (!graph.contains(id)) {
					requireRoom(graph);
					graph.node(reached, Map.of("role", "REACHED"));
				}
				OffsetDateTime at = row.get("sentAt").asZonedDateTime().toOffsetDateTime();
				edges.computeIfAbsent(from + "\n" + id, key -> new PassedOn(from, id, at)).count++;
			}
			passed.add(new Onward(row.get("message").asString(), from, List.copyOf(to),
					row.get("sentAt").asZonedDateTime().toOffsetDateTime()));
		}
		edges.values()
			.forEach(edge -> graph.edge("PASSED_ON", edge.from, edge.to, (double) edge.count,
					Map.of("count", edge.count, "first", edge.first.toString())));
		return passed;
	}

	private void requireRoom(GraphBuilder graph) {
		if (graph.nodeCount() >= limits.graphNodes()) {
			throw new LimitExceededException("casegraph.limits.graph-nodes", limits.graphNodes(),
					"The people reached afterwards are more than %d nodes (casegraph.limits.graph-nodes); ask for fewer days"
						.formatted(limits.graphNodes()));
		}
	}

	/** Messages from one who could have seen it to one they reached. */
	private static final class PassedOn {

		private final String from;

		private final String to;

		private final OffsetDateTime first;

		private long count;

		PassedOn(String from, String to, OffsetDateTime first) {
			this.from = from;
			this.to = to;
			this.first = first;
		}

	}

}
