package org.casegraph.neo4j;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;

/**
 * The database is ready for the application once it answers and its schema migrations
 * ({@code cypher/migrations/V*.cypher}) are applied. Applied migrations are checksummed
 * by neo4j-migrations, so an edited released migration stops startup instead of drifting
 * silently.
 */
public final class GraphSchema {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphSchema.class);

	static final String MIGRATIONS = "classpath:cypher/migrations";

	private final Driver driver;

	GraphSchema(Driver driver) {
		this.driver = driver;
	}

	void apply(String uriForErrors) {
		long started = System.nanoTime();
		verifyReachable(uriForErrors);
		var config = MigrationsConfig.builder()
			.withLocationsToScan(MIGRATIONS)
			.withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
			.build();
		new Migrations(config, driver).apply();
		log.debug("schema migrations checked and applied in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void verifyReachable(String uri) {
		try {
			driver.verifyConnectivity();
		}
		catch (RuntimeException ex) {
			throw new InvalidSettingException("spring.neo4j.uri", uri, "Neo4j cannot be reached: " + ex.getMessage(),
					"Check spring.neo4j.uri (SPRING_NEO4J_URI) and spring.neo4j.authentication.* for the external database,"
							+ " or use casegraph.neo4j.mode=embedded.",
					ex);
		}
	}

}
