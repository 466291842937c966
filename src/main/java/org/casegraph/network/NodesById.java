package org.casegraph.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

/**
 * Entities by id, for the network queries that start from ids a client gave and must say
 * which ones do not exist.
 */
final class NodesById {

	private static final String NODES = CypherScript.load("cypher/network/nodes.cypher").single();

	private NodesById() {
	}

	/** The entities that exist among {@code ids}, by id, in the order asked for. */
	static Map<String, Node> find(Statements statements, List<String> ids) {
		Map<String, Node> found = new LinkedHashMap<>();
		for (Record record : statements.run(NODES, Map.of("ids", ids))) {
			Node node = record.get("n").asNode();
			found.put(node.get("id").asString(), node);
		}
		return found;
	}

}
