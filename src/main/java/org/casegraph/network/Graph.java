package org.casegraph.network;

import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.ReadOnlyCypher.ExecutedQuery;

/**
 * The result of every network query, shaped for drawing libraries: string ids unique
 * across nodes and edges together, every edge's ends among the nodes, a {@code kind} on
 * each.
 *
 * @param nodes the nodes
 * @param edges the edges between them
 * @param truncated why the result is incomplete, or null when it is whole
 * @param explain the Cypher that produced it, when asked for
 */
public record Graph(List<Node> nodes, List<Edge> edges, Truncation truncated, List<ExecutedQuery> explain) {

	/**
	 * A node.
	 *
	 * @param id the entity's id
	 * @param kind its most specific label (Officer, Unit, Message...)
	 * @param label text to show
	 * @param properties its properties
	 */
	public record Node(String id, String kind, String label, Map<String, Object> properties) {
	}

	/**
	 * An edge.
	 *
	 * @param id built from its ends and kind, so stable across requests
	 * @param kind the relationship's type
	 * @param source the id of the node it starts at
	 * @param target the id of the node it ends at
	 * @param weight its weight (a message count), or null
	 * @param properties its properties
	 */
	public record Edge(String id, String kind, String source, String target, Double weight,
			Map<String, Object> properties) {
	}

	/**
	 * Why a result is incomplete.
	 *
	 * @param reasons NODE_LIMIT and/or PER_NODE_LIMIT
	 * @param message what was left out, in words
	 * @param cappedNodeIds nodes whose neighbours were not all followed
	 */
	public record Truncation(List<String> reasons, String message, List<String> cappedNodeIds) {
	}

}
