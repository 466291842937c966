package org.casegraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import org.springframework.util.unit.DataSize;

/**
 * A bare embedded Neo4j outside the application (no schema, no auth, Bolt on a free
 * loopback port) that runs a script in auto-commit transactions and stops: what
 * {@code bench ingest} measures Neo4j's own LOAD CSV on.
 */
public final class ScratchDatabase {

	private ScratchDatabase() {
	}

	/**
	 * Starts a database in {@code home} that may read files under {@code files}, runs
	 * {@code statements} one by one, and shuts it down.
	 */
	public static void run(Path home, Path files, String pageCache, List<String> statements) {
		int port = freePort();
		DatabaseManagementService dbms = EmbeddedNeo4j.newBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.load_csv_file_url_root, files.toAbsolutePath().normalize())
			.setConfig(GraphDatabaseSettings.pagecache_memory, DataSize.parse(pageCache).toBytes())
			.build();
		try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none());
				Session session = driver.session()) {
			statements.forEach(statement -> session.run(statement).consume());
		}
		finally {
			dbms.shutdown();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
