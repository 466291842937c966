package org.casegraph.neo4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import picocli.CommandLine;

/**
 * Starts and describes the in-process Neo4j. Bolt listens on loopback only, so analysts'
 * tools on the same machine can connect with the configured credentials while nothing
 * else can.
 */
final class EmbeddedNeo4j {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private static final String LOOPBACK = "127.0.0.1";

	/** Present while an offline load into the data directory has not completed. */
	static final String LOADING = "offline-import.incomplete";

	private EmbeddedNeo4j() {
	}

	/**
	 * Starts the database with the configured user and password in force before Bolt
	 * takes its first connection. A new store's only user has the password {@code neo4j}:
	 * a client connecting in that window with the configured password would fail, and a
	 * few failures lock the user out, the application's own driver too. Once started, the
	 * bean's destroy method stops it (Spring's own shutdown hook closes the context).
	 */
	static DatabaseManagementService start(DatabaseSettings settings, String username, String password,
			StoreLoader loader) {
		Path home = writableHome(settings.normalisedDataDir());
		requireFreePort(settings.boltPort());
		long started = System.nanoTime();
		boolean loaded = load(home, loader);
		if (isNewStore(home) && !setInitialPassword(home, password)) {
			DatabaseManagementService withoutBolt = builder(home, settings).setConfig(BoltConnector.enabled, false)
				.build();
			try {
				ensureUser(withoutBolt, username, password);
			}
			finally {
				withoutBolt.shutdown();
			}
			log.debug("new store: started once without Bolt to set the password in {} ms", millisSince(started));
		}
		long building = System.nanoTime();
		DatabaseManagementService dbms = builder(home, settings).build();
		log.debug("database started in {} ms", millisSince(building));
		try {
			long users = System.nanoTime();
			ensureUser(dbms, username, password);
			log.debug("user checked in {} ms", millisSince(users));
			if (loaded) {
				delete(home.resolve(LOADING));
			}
			return dbms;
		}
		catch (RuntimeException ex) {
			// Not a bean yet, so its destroy method would never run: stop it here.
			dbms.shutdown();
			throw ex;
		}
	}

	/**
	 * Gives a new store's {@code neo4j} user the configured password before its first
	 * start (as {@code neo4j-admin dbms set-initial-password} does), so the database
	 * starts once with Bolt rather than twice; false where Neo4j refuses it (then the
	 * slower way runs).
	 */
	private static boolean setInitialPassword(Path home, String password) {
		long started = System.nanoTime();
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
			Path conf = Files.createDirectories(home.resolve("conf"));
			var command = new SetInitialPasswordCommand(
					new ExecutionContext(home, conf, out, out, new DefaultFileSystemAbstraction()));
			int exit = new CommandLine(command).execute(password);
			log.debug("initial password set in {} ms (exit {}): {}", millisSince(started), exit,
					report.toString(StandardCharsets.UTF_8).strip());
			return exit == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/**
	 * Runs the loader into a new store, or refuses a store whose offline load was
	 * interrupted; returns whether it loaded.
	 */
	private static boolean load(Path home, StoreLoader loader) {
		Path marker = home.resolve(LOADING);
		boolean interrupted = Files.exists(marker);
		boolean fresh = !hasDefaultDatabase(home);
		if (loader == null && interrupted) {
			throw new InvalidSettingException("casegraph.neo4j.data-dir", home,
					"an offline import into it was interrupted, so its store may be incomplete",
					"Run the same import command again to finish it, or use a new data directory.", null);
		}
		if (loader == null || !(fresh || interrupted)) {
			return false;
		}
		loader.requireLoadable();
		long started = System.nanoTime();
		try {
			Files.writeString(marker, "offline import in progress\n");
			loader.load(home);
			log.debug("new store loaded by {} in {} ms", loader.getClass().getSimpleName(), millisSince(started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the data directory holds a store to start as it is: not new, and no offline
	 * import into it left unfinished.
	 */
	static boolean holdsStore(DatabaseSettings settings) {
		Path home = settings.normalisedDataDir();
		return !isNewStore(home) && hasDefaultDatabase(home) && !Files.exists(home.resolve(LOADING));
	}

	private static boolean hasDefaultDatabase(Path home) {
		return Files.exists(home.resolve("data").resolve("databases").resolve("neo4j"));
	}

	private static boolean isNewStore(Path home) {
		return !Files.isDirectory(home.resolve("data").resolve("databases").resolve("system"));
	}

	private static DatabaseManagementServiceBuilder builder(Path home, DatabaseSettings settings) {
		return newBuilder(home).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, settings.boltPort()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(GraphDatabaseSettings.pagecache_memory, settings.pageCache().toBytes())
			.setConfig(GraphDatabaseSettings.transaction_timeout, settings.transactionTimeout())
			.setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
	}

	/**
	 * A database in {@code home} that tells no other host about itself. Neo4j by default
	 * sends usage data (its store's size, node and relationship counts, the server's
	 * memory) to Neo4j every day and announces its Bolt server to the local network; an
	 * investigation's database does neither.
	 * <p>
	 * Bolt's event loops also stop as soon as their queued work is done. Neo4j's default
	 * waits for five quiet seconds per event loop group, which made every shutdown (each
	 * command, each benchmark run, each test context) ten seconds longer with nothing
	 * left to do: by then the application's driver has closed its connections.
	 */
	static DatabaseManagementServiceBuilder newBuilder(Path home) {
		return new DatabaseManagementServiceBuilder(home).setConfig(GraphDatabaseSettings.udc_enabled, false)
			.setConfig(BoltConnector.enable_discovery, false)
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO);
	}

	static URI boltUri(DatabaseManagementService dbms) {
		GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		var address = db.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		return URI.create("bolt://" + LOOPBACK + ":" + address.getPort());
	}

	/**
	 * Makes the configured user and password the ones Bolt accepts. Runs on every start
	 * so that changing the configured password is enough to change the database's.
	 */
	static void ensureUser(DatabaseManagementService dbms, String username, String password) {
		var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		if (acceptedAlready((GraphDatabaseAPI) system, username, password)) {
			return;
		}
		Map<String, Object> params = Map.of("name", username, "password", password);
		boolean exists = system.executeTransactionally("SHOW USERS YIELD user WHERE user = $name RETURN user", params,
				result -> result.hasNext());
		if (!exists) {
			system.executeTransactionally("CREATE USER $name SET PASSWORD $password CHANGE NOT REQUIRED", params);
			return;
		}
		try {
			system.executeTransactionally("ALTER USER $name SET PASSWORD $password CHANGE NOT REQUIRED", params);
		}
		catch (QueryExecutionException ex) {
			if (!isSamePassword(ex)) {
				throw new InvalidSettingException("spring.neo4j.authentication.password", "****", ex.getMessage(),
						"Choose a password Neo4j accepts (at least 8 characters).", ex);
			}
		}
	}

	/**
	 * Whether Bolt already accepts the user and password, as on most restarts. Asked of
	 * the authentication manager, not in Cypher: the first Cypher a JVM compiles costs a
	 * restart about two seconds. A changed password fails this once (three failures in a
	 * row would lock the user for a few seconds), and the statements below then set it.
	 */
	private static boolean acceptedAlready(GraphDatabaseAPI system, String username, String password) {
		try {
			AuthManager auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
			LoginContext login = auth.login(AuthToken.newBasicAuthToken(username, password),
					ClientConnectionInfo.EMBEDDED_CONNECTION);
			return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
		}
		catch (InvalidAuthTokenException | RuntimeException ex) {
			log.debug("the user could not be checked without Cypher: {}", ex.toString());
			return false;
		}
	}

	private static boolean isSamePassword(QueryExecutionException ex) {
		return String.valueOf(ex.getMessage()).contains("cannot be the same");
	}

	private static Path writableHome(Path home) {
		try {
			Files.createDirectories(home);
		}
		catch (IOException | SecurityException ex) {
			throw new InvalidSettingException("casegraph.neo4j.data-dir", home, "cannot be created: " + ex,
					"Point casegraph.neo4j.data-dir (CASEGRAPH_NEO4J_DATA_DIR) at a directory the server can write.",
					ex);
		}
		if (!Files.isDirectory(home) || !Files.isWritable(home)) {
			throw new InvalidSettingException("casegraph.neo4j.data-dir", home, "is not a writable directory",
					"Point casegraph.neo4j.data-dir (CASEGRAPH_NEO4J_DATA_DIR) at a directory the server can write.",
					null);
		}
		return home;
	}

	private static void requireFreePort(int port) {
		if (port == 0) {
			return;
		}
		try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
			probe.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new InvalidSettingException("casegraph.neo4j.bolt-port", port, "port is in use on " + LOOPBACK,
					"Stop whatever listens there, or set casegraph.neo4j.bolt-port (CASEGRAPH_NEO4J_BOLT_PORT) to a free port.",
					ex);
		}
	}

}
