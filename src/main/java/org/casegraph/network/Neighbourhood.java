package org.casegraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Limits;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * What surrounds some entities, a hop at a time: hubs are capped at a number of
 * neighbours per node and the whole at a number of nodes, and the result says which caps
 * it met.
 */
@Component
class Neighbourhood {

	private final String neighbours = CypherScript.load("cypher/network/neighbours.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Limits limits;

	Neighbourhood(ReadOnlyCypher cypher, Limits limits) {
		this.cypher = cypher;
		this.limits = limits;
	}

	Graph expand(Request request, boolean explain) {
		request.validate(limits);
		return cypher.read(statements -> {
			Expansion expansion = new Expansion(request);
			expansion.start(NodesById.find(statements, request.ids()).values());
			for (int hop = 0; hop < request.depth() && !expansion.frontier.isEmpty(); hop++) {
				expansion.step(statements.run(neighbours, parameters(request, expansion.frontier)));
			}
			return expansion.graph.build(expansion.truncation(), explain ? statements.executed() : null);
		});
	}

	private static Map<String, Object> parameters(Request request, Set<String> frontier) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("frontier", List.copyOf(frontier));
		parameters.put("kinds", request.kinds());
		parameters.put("asOf", request.asOf());
		parameters.put("perNodeLimit", request.perNodeLimit());
		parameters.put("edgeProperties", request.edgeProperties());
		return parameters;
	}

	/**
	 * A neighbourhood request.
	 *
	 * @param ids where to start
	 * @param depth how many hops
	 * @param kinds relationship types to follow; null or empty for any
	 * @param asOf only relationships and nodes valid on this day; null for any
	 * @param limit most nodes in the result
	 * @param perNodeLimit most neighbours followed from any one node
	 * @param edgeProperties whether the edges' properties are read (asked for)
	 */
	record Request(List<String> ids, int depth, List<String> kinds, LocalDate asOf, int limit, int perNodeLimit,
			boolean edgeProperties) {

		Request {
			kinds = RelationshipKinds.of(kinds);
		}

		void validate(Limits limits) {
			if (ids.isEmpty()) {
				throw new BadRequestException("Argument 'ids': give at least one id");
			}
			if (depth < 0 || limit < 1 || perNodeLimit < 1) {
				throw new BadRequestException(
						"Arguments 'depth' (0 or more), 'limit' and 'perNodeLimit' (1 or more): got %d, %d and %d"
							.formatted(depth, limit, perNodeLimit));
			}
			Limits.check("depth", depth, limits.neighbourhoodDepth(), "casegraph.limits.neighbourhood-depth");
			Limits.check("limit", limit, limits.graphNodes(), "casegraph.limits.graph-nodes");
		}

	}

	/** The state of one expansion. */
	private static final class Expansion {

		private final GraphBuilder graph = new GraphBuilder();

		private final Request request;

		private final Set<String> capped = new LinkedHashSet<>();

		private Set<String> frontier = new LinkedHashSet<>();

		private boolean nodeLimitReached;

		Expansion(Request request) {
			this.request = request;
		}

		void start(Collection<org.neo4j.driver.types.Node> found) {
			found.forEach(node -> frontier.add(graph.node(node)));
			List<String> missing = request.ids().stream().filter(id -> !graph.contains(id)).toList();
			if (!missing.isEmpty()) {
				throw new BadRequestException("Argument 'ids': no entity has id " + String.join(", ", missing));
			}
		}

		void step(List<Record> rows) {
			Set<String> next = new LinkedHashSet<>();
			for (Record row : rows) {
				String from = row.get("n").get("id").asString();
				List<Value> links = row.get("links").asList(v -> v);
				if (links.size() > request.perNodeLimit()) {
					capped.add(from);
				}
				links.stream().limit(request.perNodeLimit()).forEach(link -> follow(from, link, next));
			}
			frontier = next;
		}

		private void follow(String from, Value link, Set<String> next) {
			var neighbour = link.get("m").asNode();
			String id = neighbour.get("id").asString();
			if (!graph.contains(id)) {
				if (graph.nodeCount() >= request.limit()) {
					nodeLimitReached = true;
					return;
				}
				graph.node(neighbour);
				next.add(id);
			}
			boolean outgoing = link.get("outgoing").asBoolean();
			Value count = link.get("count");
			Value properties = link.get("properties");
			graph.stored(link.get("r").asString(), link.get("type").asString(), outgoing ? from : id,
					outgoing ? id : from, count.isNull() ? null : count.asDouble(),
					properties.isNull() ? null : properties);
		}

		Graph.Truncation truncation() {
			if (capped.isEmpty() && !nodeLimitReached) {
				return null;
			}
			List<String> reasons = new ArrayList<>();
			List<String> words = new ArrayList<>();
			if (nodeLimitReached) {
				reasons.add("NODE_LIMIT");
				words.add("stopped at the limit of " + request.limit() + " nodes");
			}
			if (!capped.isEmpty()) {
				reasons.add("PER_NODE_LIMIT");
				words.add(capped.size() + " nodes have more than " + request.perNodeLimit()
						+ " neighbours; only that many were followed");
			}
			return new Graph.Truncation(reasons, String.join("; ", words), List.copyOf(capped));
		}

	}

}
