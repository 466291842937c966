package org.casegraph.network;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Cytoscape.js and graphology need of a graph to load it as it is: string ids unique
 * across nodes and edges together (Cytoscape keeps one id space), every edge's ends among
 * the nodes (both refuse a dangling edge), and a kind on each element.
 */
public final class GraphInvariants {

	private GraphInvariants() {
	}

	@SuppressWarnings("unchecked")
	public static void check(Map<String, Object> graph) {
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) graph.get("nodes");
		List<Map<String, Object>> edges = (List<Map<String, Object>>) graph.get("edges");
		Set<Object> ids = new HashSet<>();
		Set<Object> nodeIds = new HashSet<>();
		for (Map<String, Object> node : nodes) {
			assertThat(node.get("id")).as("node id").isInstanceOf(String.class);
			assertThat(ids.add(node.get("id"))).as("unique id %s", node.get("id")).isTrue();
			nodeIds.add(node.get("id"));
			assertThat((String) node.get("kind")).as("kind of %s", node.get("id")).isNotBlank();
		}
		for (Map<String, Object> edge : edges) {
			assertThat(edge.get("id")).as("edge id").isInstanceOf(String.class);
			assertThat(ids.add(edge.get("id"))).as("unique id %s", edge.get("id")).isTrue();
			assertThat((String) edge.get("kind")).as("kind of %s", edge.get("id")).isNotBlank();
			assertThat(nodeIds).as("ends of %s", edge.get("id")).contains(edge.get("source"), edge.get("target"));
		}
	}

}
