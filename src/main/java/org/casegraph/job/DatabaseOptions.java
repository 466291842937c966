package org.casegraph.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The database a command works on: the same settings the server reads
 * ({@code casegraph.neo4j.*}, {@code spring.neo4j.*}), also taken from the environment
 * (CASEGRAPH_NEO4J_DATA_DIR ...).
 */
public class DatabaseOptions {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Embedded database directory (casegraph.neo4j.data-dir, default ./data).")
	Path dataDir;

	@Option(names = "--mode", paramLabel = "embedded|external",
			description = "Embedded (in-process) or external database (casegraph.neo4j.mode).")
	String mode;

	@Option(names = "--uri", paramLabel = "URI", description = "External database URI (spring.neo4j.uri).")
	String uri;

	@Option(names = "--username", description = "Database user (spring.neo4j.authentication.username).")
	String username;

	@Option(names = "--password", description = "Database password (spring.neo4j.authentication.password).")
	String password;

	@Option(names = "--bolt-port", paramLabel = "PORT",
			description = "Embedded Bolt port (casegraph.neo4j.bolt-port); 0 picks a free one (default for commands).")
	Integer boltPort;

	@Option(names = "--page-cache", paramLabel = "SIZE", description = "Embedded page cache, e.g. 2GB.")
	String pageCache;

	/**
	 * Options for an embedded database in {@code dataDir}, as a command that makes its
	 * own would give them.
	 */
	public static DatabaseOptions embedded(Path dataDir, String pageCache) {
		DatabaseOptions options = new DatabaseOptions();
		options.dataDir = dataDir;
		options.pageCache = pageCache;
		return options;
	}

	/**
	 * The options given, as Spring properties; unset ones fall back to configuration and
	 * environment.
	 */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		put(properties, "casegraph.neo4j.data-dir", dataDir);
		put(properties, "casegraph.neo4j.mode", mode);
		put(properties, "spring.neo4j.uri", uri);
		put(properties, "spring.neo4j.authentication.username", username);
		put(properties, "spring.neo4j.authentication.password", password);
		put(properties, "casegraph.neo4j.bolt-port", (boltPort != null) ? boltPort : 0);
		put(properties, "casegraph.neo4j.page-cache", pageCache);
		return properties;
	}

	private static void put(Map<String, Object> properties, String key, Object value) {
		if (value != null) {
			properties.put(key, value.toString());
		}
	}

}
