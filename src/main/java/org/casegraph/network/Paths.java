package org.casegraph.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Limits;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Path;

import org.springframework.stereotype.Component;

/**
 * How two entities are connected: the shortest path, all the shortest, or the k shortest,
 * optionally only along who-messaged-whom in time order.
 */
@Component
class Paths {

	/**
	 * Most paths a search looks at, in order of length, before it breaks ties among them:
	 * below this, the same store gives the same paths however it was loaded.
	 */
	static final int CANDIDATES = 200;

	/**
	 * The step of a path in the searches over any relationship type, where the types
	 * asked for are written into the pattern: a type in the pattern is expanded alone,
	 * where the search's filter on the type walked every relationship first (the k
	 * shortest along contacts: 67 against 37 ms at tier M, where a person's messages
	 * outnumber their contacts).
	 */
	private static final String ANY_STEP = "(x)-[r]-(y)";

	private final String kShortest = withAnyStep(CypherScript.load("cypher/network/paths.cypher").single());

	private final String allShortest = withAnyStep(
			CypherScript.load("cypher/network/paths-all-shortest.cypher").single());

	private final String timeOrdered = CypherScript.load("cypher/network/paths-time-ordered.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Limits limits;

	Paths(ReadOnlyCypher cypher, Limits limits) {
		this.cypher = cypher;
		this.limits = limits;
	}

	PathResult find(Request request, boolean explain) {
		request.validate(limits);
		return cypher.read(statements -> {
			requireBothEnds(statements, request);
			List<Record> rows = statements.run(statement(request), request.parameters());
			List<Path> found = rows.stream().map(row -> row.get("p").asPath()).toList();
			List<Path> kept = request.mode() == Mode.ALL_SHORTEST ? shortestOnly(found) : found;
			GraphBuilder graph = new GraphBuilder();
			List<FoundPath> paths = kept.stream().map(path -> add(graph, path)).toList();
			return new PathResult(paths,
					graph.build(truncation(request, rows, paths), explain ? statements.executed() : null));
		});
	}

	private String statement(Request request) {
		if (request.timeOrdered()) {
			return timeOrdered;
		}
		String statement = request.mode() == Mode.K_SHORTEST ? kShortest : allShortest;
		if (request.kinds() == null) {
			return statement;
		}
		// Each kind is a plain name (RelationshipKinds), quoted as a name in case it is a
		// word of Cypher's own.
		String types = request.kinds().stream().map(kind -> "`" + kind + "`").collect(Collectors.joining("|"));
		return statement.replace(ANY_STEP, "(x)-[r:" + types + "]-(y)");
	}

	private static String withAnyStep(String statement) {
		if (!statement.contains(ANY_STEP)) {
			throw new IllegalStateException("A path search must step as " + ANY_STEP + ": " + statement);
		}
		return statement;
	}

	private void requireBothEnds(Statements statements, Request request) {
		var found = NodesById.find(statements, List.of(request.from(), request.to())).keySet();
		for (String argument : List.of("from", "to")) {
			String id = argument.equals("from") ? request.from() : request.to();
			if (!found.contains(id)) {
				throw new BadRequestException("Argument '%s': no entity has id '%s'".formatted(argument, id));
			}
		}
	}

	private static FoundPath add(GraphBuilder graph, Path path) {
		List<String> nodeIds = new ArrayList<>();
		path.nodes().forEach(node -> nodeIds.add(graph.node(node)));
		List<String> edgeIds = new ArrayList<>();
		path.relationships().forEach(relationship -> {
			var count = relationship.get("count");
			edgeIds.add(graph.edge(relationship, count.isNull() ? null : count.asDouble()));
		});
		return new FoundPath(edgeIds.size(), nodeIds, edgeIds);
	}

	/**
	 * ALL_SHORTEST stops at {@link Limits#MOST_PATHS}, and every search at
	 * {@link #CANDIDATES}: say so when either may have left out a path as short as one
	 * shown.
	 */
	private static Graph.Truncation truncation(Request request, List<Record> rows, List<FoundPath> kept) {
		if (rows.isEmpty()) {
			return null;
		}
		Record first = rows.getFirst();
		boolean equalsLeftOut = first.get("candidates").asInt() >= CANDIDATES
				&& kept.getLast().length() == first.get("longest").asInt();
		if (equalsLeftOut) {
			return new Graph.Truncation(List.of("PATH_LIMIT"),
					"more than " + CANDIDATES
							+ " paths are as short as the last one shown; ties were broken among the first "
							+ CANDIDATES + " found",
					List.of());
		}
		if (request.mode() == Mode.ALL_SHORTEST && kept.size() >= Limits.MOST_PATHS) {
			return new Graph.Truncation(List.of("PATH_LIMIT"), "there may be more than " + Limits.MOST_PATHS
					+ " shortest paths; the first " + Limits.MOST_PATHS + " are shown", List.of());
		}
		return null;
	}

	/**
	 * With a time order, the search returns paths of several lengths; keep the shortest,
	 * and only their nodes and edges in the graph.
	 */
	private static List<Path> shortestOnly(List<Path> paths) {
		int shortest = paths.stream().mapToInt(Path::length).min().orElse(0);
		return paths.stream().filter(path -> path.length() == shortest).toList();
	}

	/** Which paths. */
	enum Mode {

		SHORTEST, ALL_SHORTEST, K_SHORTEST

	}

	/**
	 * A path request.
	 *
	 * @param from where paths start
	 * @param to where they end
	 * @param mode which paths
	 * @param k how many, for K_SHORTEST
	 * @param maxLength longest path searched for
	 * @param kinds relationship types to follow; null or empty for any
	 * @param timeOrdered only chains of contacts in the direction sent and in time order
	 * @param avoidDegreeAbove do not pass through nodes with more relationships than this
	 */
	record Request(String from, String to, Mode mode, Integer k, int maxLength, List<String> kinds, boolean timeOrdered,
			Integer avoidDegreeAbove) {

		Request {
			kinds = RelationshipKinds.of(kinds);
		}

		void validate(Limits limits) {
			if (maxLength < 1) {
				throw new BadRequestException("Argument 'maxLength': " + maxLength + " must be 1 or more");
			}
			Limits.check("maxLength", maxLength, limits.pathLength(), "casegraph.limits.path-length");
			if (mode == Mode.K_SHORTEST && (k == null || k < 1 || k > Limits.MOST_PATHS)) {
				throw new BadRequestException(
						"Argument 'k': K_SHORTEST needs k from 1 to " + Limits.MOST_PATHS + ", got " + k);
			}
		}

		Map<String, Object> parameters() {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("from", from);
			parameters.put("to", to);
			parameters.put("k", switch (mode) {
				case SHORTEST -> 1;
				case ALL_SHORTEST -> Limits.MOST_PATHS;
				case K_SHORTEST -> k;
			});
			parameters.put("maxLength", maxLength);
			parameters.put("maxDegree", avoidDegreeAbove);
			parameters.put("candidates", CANDIDATES);
			return parameters;
		}

	}

	/**
	 * One path.
	 *
	 * @param length how many edges
	 * @param nodeIds its nodes in order
	 * @param edgeIds its edges in order
	 */
	record FoundPath(int length, List<String> nodeIds, List<String> edgeIds) {
	}

	/**
	 * The paths found.
	 *
	 * @param paths each path, shortest first
	 * @param graph all of them as one graph
	 */
	record PathResult(List<FoundPath> paths, Graph graph) {
	}

}
