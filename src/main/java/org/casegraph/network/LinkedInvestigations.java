package org.casegraph.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.query.BadRequestException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * The investigations linked to one and why: a LINKED edge per linked investigation with
 * its reasons, and the shared officers (SUBJECT edges) and operations (PART_OF edges) the
 * reasons rest on.
 */
@Component
class LinkedInvestigations {

	private final String linked = CypherScript.load("cypher/network/linked-investigations.cypher").single();

	private final ReadOnlyCypher cypher;

	LinkedInvestigations(ReadOnlyCypher cypher) {
		this.cypher = cypher;
	}

	Graph of(String id, boolean explain) {
		return cypher.read(statements -> {
			GraphBuilder graph = new GraphBuilder();
			NodesById.find(statements, List.of(id))
				.values()
				.stream()
				.filter(node -> node.hasLabel("Investigation"))
				.forEach(graph::node);
			if (!graph.contains(id)) {
				throw new BadRequestException("Argument 'id': no investigation has id '" + id + "'");
			}
			for (Record record : statements.run(linked, Map.of("id", id))) {
				String other = graph.node(record.get("j").asNode());
				List<String> reasons = record.get("reasons").asList(Value::asString);
				List<String> shared = record.get("shared").asList(value -> share(graph, id, other, value));
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("reasons", reasons);
				properties.put("shared", shared);
				graph.edge("LINKED", id, other, (double) reasons.size(), properties);
			}
			return graph.build(null, explain ? statements.executed() : null);
		});
	}

	/** Adds what two investigations share, with an edge from each to it. */
	private static String share(GraphBuilder graph, String investigation, String other, Value value) {
		var node = value.asNode();
		String shared = graph.node(node);
		String kind = node.hasLabel("Operation") ? "PART_OF" : "SUBJECT";
		graph.edge(kind, investigation, shared, null, Map.of());
		graph.edge(kind, other, shared, null, Map.of());
		return shared;
	}

}
