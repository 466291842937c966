package org.casegraph.network;

import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * Two officers who never messaged each other, found in the graph by Cypher of its own.
 */
public final class Strangers {

	private Strangers() {
	}

	/**
	 * The first two officers by id, each with contacts, who never messaged each other:
	 * {@code a} and {@code b}.
	 */
	public static Map<String, Object> twoOfficers(Driver driver) {
		return driver.executableQuery("""
				MATCH (a:Officer), (b:Officer)
				WHERE a.id < b.id AND NOT EXISTS { (a)-[:CONTACTED]-(b) } AND EXISTS { (a)-[:CONTACTED]-() }
				  AND EXISTS { (b)-[:CONTACTED]-() }
				RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 1
				""").execute().records().getFirst().asMap();
	}

}
