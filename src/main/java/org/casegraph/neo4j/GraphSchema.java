package org.casegraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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
			.withResourceScanner(GraphSchema::migrationFiles)
			.build();
		new Migrations(config, driver).apply();
		log.debug("schema migrations checked and applied in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The migration files where {@code locations} (e.g. {@code cypher/migrations}) sit on
	 * the classpath. neo4j-migrations' own scanner opens every jar on the classpath to
	 * find them, on worker threads at each start (84 samples of a start's profile with
	 * the jar's hundreds of libraries); asking the class loader for the folder and
	 * listing it takes a few milliseconds. The first folder on the classpath is the one
	 * read, as for any resource (a test's classpath may hold the same folder twice).
	 */
	private static List<URL> migrationFiles(List<String> locations) {
		var resolver = new PathMatchingResourcePatternResolver(GraphSchema.class.getClassLoader());
		List<URL> files = new ArrayList<>();
		for (String location : locations) {
			String folder = location.replaceFirst("^classpath:", "").replaceFirst("^/+", "");
			try {
				for (Resource resource : resolver.getResources("classpath:" + folder + "/*.cypher")) {
					files.add(resource.getURL());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The schema migrations in " + location + " cannot be listed", ex);
			}
		}
		return files;
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
