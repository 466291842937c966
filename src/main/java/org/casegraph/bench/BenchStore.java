package org.casegraph.bench;

import java.time.Duration;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.neo4j.driver.Record;

/**
 * What the benches read from the store before they measure. None of it is timed, so none
 * of it is held to the request timeout: at tier L picking what to ask about walks ten
 * million messages.
 */
final class BenchStore {

	/** The setting a read names if it runs out of time; these reads have none. */
	private static final String TIMEOUT_SETTING = "casegraph.limits.timeout";

	private BenchStore() {
	}

	/**
	 * Waits until every index is ONLINE, so that no clock runs while the database still
	 * builds an index in the background (the full-text index over a million bodies takes
	 * a while).
	 */
	static void awaitIndexes(ReadOnlyCypher cypher) {
		cypher.read(statements -> statements.run("CALL db.awaitIndexes(86400)", Map.of()), Duration.ZERO,
				TIMEOUT_SETTING);
	}

	/**
	 * What to ask about ({@code cypher/bench/query-parameters.cypher}), once the indexes
	 * are online.
	 */
	static Record picked(ReadOnlyCypher cypher) {
		awaitIndexes(cypher);
		String parameters = CypherScript.load("cypher/bench/query-parameters.cypher").single();
		return cypher.read(statements -> statements.run(parameters, Map.of()).getFirst(), Duration.ZERO,
				TIMEOUT_SETTING);
	}

}
