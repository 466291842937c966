package org.casegraph.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.neo4j.JsonValues;
import org.casegraph.neo4j.ReadOnlyCypher.ExecutedQuery;
import org.casegraph.network.Graph.Edge;
import org.casegraph.network.Graph.Node;
import org.casegraph.network.Graph.Truncation;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Relationship;

/**
 * Collects nodes and edges, once each, and checks on {@link #build} that every edge's
 * ends are among the nodes.
 */
final class GraphBuilder {

	private static final Set<String> BOOKKEEPING_LABELS = Set.of("Entity", "PendingContacts");

	/**
	 * What the contact network needs to count exactly, not what a graph shows: each
	 * month's first and last message and direct count. An edge keeps the counts, the
	 * first and last message and the months with their counts (a time bar's data);
	 * leaving these out also spares writing two date-times a month for each pair of a
	 * large result.
	 */
	private static final Set<String> AGGREGATE_WORKING_ARRAYS = Set.of("monthFirst", "monthLast", "monthDirect");

	private static final List<String> LABEL_PROPERTIES = List.of("name", "title", "reference", "headline", "label",
			"handle", "category", "rank", "status", "kind", "number");

	private final Map<String, Node> nodes = new LinkedHashMap<>();

	private final Map<String, Edge> edges = new LinkedHashMap<>();

	/** Neo4j element ids to entity ids, so relationships can be named by their ends. */
	private final Map<String, String> idsByElement = new HashMap<>();

	/**
	 * Stored relationships' element ids to their edges' ids: a relationship met again
	 * (from its other end, on another path) is the same edge.
	 */
	private final Map<String, String> edgesByElement = new HashMap<>();

	/** Adds a driver node (once) and returns its id. */
	String node(org.neo4j.driver.types.Node node) {
		return node(node, Map.of());
	}

	/** Adds a driver node (once) with extra properties, and returns its id. */
	String node(org.neo4j.driver.types.Node node, Map<String, Object> extra) {
		String id = node.get("id").asString();
		idsByElement.put(node.elementId(), id);
		if (nodes.containsKey(id)) {
			return id;
		}
		Map<String, Object> properties = JsonValues.properties(node);
		properties.putAll(extra);
		nodes.put(id, new Node(id, kind(node), label(node, properties), properties));
		return id;
	}

	boolean contains(String nodeId) {
		return nodes.containsKey(nodeId);
	}

	int nodeCount() {
		return nodes.size();
	}

	/**
	 * Adds a stored relationship between two nodes already added (once), with its
	 * properties.
	 */
	String edge(Relationship relationship, Double weight) {
		return stored(relationship.elementId(), relationship.type(),
				idsByElement.get(relationship.startNodeElementId()), idsByElement.get(relationship.endNodeElementId()),
				weight, relationship);
	}

	/**
	 * Adds a stored relationship, named by its element id, between two nodes already
	 * added (once); with its properties but for the who-messaged-whom aggregate's working
	 * arrays, or none where {@code properties} is null (not asked for).
	 */
	String stored(String elementId, String kind, String source, String target, Double weight, MapAccessor properties) {
		String known = edgesByElement.get(elementId);
		if (known != null) {
			return known;
		}
		Set<String> leftOut = "CONTACTED".equals(kind) ? AGGREGATE_WORKING_ARRAYS : Set.of();
		String id = added(kind, source, target, weight,
				(properties == null) ? Map.of() : JsonValues.properties(properties, leftOut));
		edgesByElement.put(elementId, id);
		return id;
	}

	/**
	 * Adds an edge worked out, not stored; the same ends, kind and properties again are
	 * the same edge.
	 */
	String edge(String kind, String source, String target, Double weight, Map<String, Object> properties) {
		Edge existing = edges.get(baseId(kind, source, target));
		if (existing != null && existing.properties().equals(properties)) {
			return existing.id();
		}
		return added(kind, source, target, weight, properties);
	}

	/**
	 * A new edge; its id is {@code source-[KIND]->target}, with a number appended when
	 * another edge of that kind joins the same ends.
	 */
	private String added(String kind, String source, String target, Double weight, Map<String, Object> properties) {
		String base = baseId(kind, source, target);
		String id = base;
		for (int n = 2; edges.containsKey(id); n++) {
			id = base + "#" + n;
		}
		edges.put(id, new Edge(id, kind, source, target, weight, properties));
		return id;
	}

	private static String baseId(String kind, String source, String target) {
		return source + "-[" + kind + "]->" + target;
	}

	Graph build(Truncation truncated, List<ExecutedQuery> explain) {
		for (Edge edge : edges.values()) {
			if (!nodes.containsKey(edge.source()) || !nodes.containsKey(edge.target())) {
				throw new IllegalStateException("Edge " + edge.id() + " has an end that is not among the nodes");
			}
		}
		return new Graph(List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated, explain);
	}

	static String kind(org.neo4j.driver.types.Node node) {
		if (node.hasLabel("Officer")) {
			return "Officer";
		}
		List<String> labels = new ArrayList<>();
		node.labels().forEach(labels::add);
		return labels.stream()
			.filter(label -> !BOOKKEEPING_LABELS.contains(label))
			.sorted()
			.findFirst()
			.orElse("Entity");
	}

	private static String label(org.neo4j.driver.types.Node node, Map<String, Object> properties) {
		for (String key : LABEL_PROPERTIES) {
			Object value = properties.get(key);
			if (value != null) {
				return String.valueOf(value);
			}
		}
		Object body = properties.get("body");
		if (body instanceof String text) {
			return text.length() > 60 ? text.substring(0, 57) + "..." : text;
		}
		return node.get("id").asString();
	}

}
