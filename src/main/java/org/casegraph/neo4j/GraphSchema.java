package org.casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The database is ready for the application once it answers and its schema migrations
 * ({@code cypher/migrations/V*.cypher}) are applied. Applied migrations are checksummed
 * by neo4j-migrations, so an edited released migration stops startup instead of drifting
 * silently.
 * <p>
 * Once neo4j-migrations has applied a set of migration files, the store keeps a digest of
 * them (one {@code __CasegraphSchema} node). A start that finds the same digest has
 * nothing to apply and skips neo4j-migrations, whose lock, chain and checks cost a
 * restart two to three seconds of Bolt round trips; any change to the files (a new
 * migration, an edited one) changes the digest, and neo4j-migrations runs as before.
 */
public final class GraphSchema {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphSchema.class);

	static final String MIGRATIONS = "classpath:cypher/migrations";

	private static final String APPLIED = "MATCH (s:__CasegraphSchema) RETURN s.migrations AS digest";

	private static final String RECORD = "MERGE (s:__CasegraphSchema) SET s.migrations = $digest";

	private final Driver driver;

	private final String location;

	GraphSchema(Driver driver) {
		this(driver, MIGRATIONS);
	}

	GraphSchema(Driver driver, String location) {
		this.driver = driver;
		this.location = location;
	}

	/** What a start did to the schema. */
	enum Outcome {

		/** neo4j-migrations checked the chain and applied what was pending. */
		APPLIED,

		/** The files are the ones last applied to this store: nothing to do. */
		UNCHANGED

	}

	Outcome apply(String uriForErrors) {
		long started = System.nanoTime();
		verifyReachable(uriForErrors);
		List<URL> files = migrationFiles(List.of(location));
		String digest = digest(files);
		if (digest.equals(appliedDigest())) {
			log.debug("schema migrations unchanged since last applied, checked in {} ms", millisSince(started));
			return Outcome.UNCHANGED;
		}
		var config = MigrationsConfig.builder()
			.withLocationsToScan(location)
			.withTransactionMode(MigrationsConfig.TransactionMode.PER_MIGRATION)
			.withResourceScanner(locations -> files)
			.build();
		new Migrations(config, driver).apply();
		try (Session session = driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(RECORD, Map.of("digest", digest)).consume());
		}
		log.debug("schema migrations checked and applied in {} ms", millisSince(started));
		return Outcome.APPLIED;
	}

	private String appliedDigest() {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> {
				var rows = tx.run(APPLIED).list(row -> row.get("digest").asString(null));
				return rows.isEmpty() ? null : rows.getFirst();
			});
		}
	}

	/**
	 * SHA-256 over each file's name and bytes, in name order: what neo4j-migrations reads
	 * (a version, a description and the statements all come from the name and the text).
	 */
	private static String digest(List<URL> files) {
		MessageDigest sha = DigestUtils.getSha256Digest();
		try {
			for (URL file : files.stream().sorted(Comparator.comparing(GraphSchema::fileName)).toList()) {
				DigestUtils.updateDigest(sha, fileName(file));
				sha.update((byte) 0);
				try (InputStream in = file.openStream()) {
					DigestUtils.updateDigest(sha, in);
				}
				sha.update((byte) 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The schema migrations cannot be read", ex);
		}
		return Hex.encodeHexString(sha.digest());
	}

	private static String fileName(URL file) {
		String path = file.getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
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
