package org.casegraph.neo4j;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In embedded mode the application starts Neo4j itself and points Boot's driver at its
 * Bolt port (for the writes of case work and the migrations). The reads of the API and
 * the jobs ({@link InProcessReads}) and the bulk writes (imports, the aggregates,
 * {@link BulkCypher}) run in-process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "casegraph.neo4j.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	/**
	 * The Bolt login of the embedded database. Neo4j Community gives any login full
	 * access, so where callers must go through the access policy ({@code users} and
	 * {@code jwt} modes) Bolt serves the application alone unless
	 * {@code casegraph.neo4j.bolt-enabled} is set: a free loopback port and a password
	 * made at each start, kept in memory only.
	 */
	@Bean
	EmbeddedLogin embeddedLogin(DatabaseSettings settings, Neo4jProperties neo4j,
			@Value("${" + EmbeddedLogin.SECURITY_MODE + ":local}") String securityMode,
			ObjectProvider<EarlyStart.Started> early) {
		EarlyStart.Started started = early.getIfAvailable();
		if (started != null && started.startedWith(settings)) {
			return started.login();
		}
		return EmbeddedLogin.of(settings, neo4j, securityMode);
	}

	/**
	 * The database {@link EarlyStart} started on a restart, where it was started with
	 * these settings; otherwise started here.
	 */
	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(DatabaseSettings settings, EmbeddedLogin login,
			ObjectProvider<StoreLoader> loader, ObjectProvider<EarlyStart.Started> early,
			InputsGenerations generations) {
		DatabaseManagementService database = started(settings, login, loader, early);
		// Before any bean can write: the migrations, the seeding and every import come
		// after this.
		database.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, generations);
		return database;
	}

	@Bean
	InputsGenerations inputsGenerations(ObjectProvider<WatchedInputs> watched) {
		return new InputsGenerations(watched.orderedStream().toList());
	}

	private static DatabaseManagementService started(DatabaseSettings settings, EmbeddedLogin login,
			ObjectProvider<StoreLoader> loader, ObjectProvider<EarlyStart.Started> early) {
		EarlyStart.Started started = early.getIfAvailable();
		if (started != null && started.startedWith(settings) && started.login().equals(login)) {
			return started.take();
		}
		if (started != null) {
			started.release();
		}
		return EmbeddedNeo4j.start(settings.withBoltPort(login.port()), login.username(), login.password(),
				loader.getIfAvailable());
	}

	@Bean
	InProcessReads inProcessReads(DatabaseManagementService embeddedNeo4j) {
		return new InProcessReads(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
	}

	@Bean
	GraphDataScience graphDataScience(DatabaseManagementService embeddedNeo4j) {
		return GraphDataScience.embedded(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
	}

	@Bean
	StoreVersion storeVersion(DatabaseManagementService embeddedNeo4j) {
		return StoreVersion.of(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
	}

	@Bean
	BulkCypher bulkCypher(DatabaseManagementService embeddedNeo4j) {
		return new EmbeddedBulkCypher(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j,
			EmbeddedLogin login) {
		URI uri = EmbeddedNeo4j.boltUri(embeddedNeo4j);
		AuthToken token = AuthTokens.basic(login.username(), login.password());
		return new Neo4jConnectionDetails() {

			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return token;
			}

		};
	}

	/**
	 * Who the application logs in to its embedded database as, and on which Bolt port.
	 *
	 * @param username the user
	 * @param password their password
	 * @param port the Bolt port (0 for a free one)
	 */
	record EmbeddedLogin(String username, String password, int port) {

		static final String SECURITY_MODE = "casegraph.security.mode";

		static EmbeddedLogin of(DatabaseSettings settings, Neo4jProperties neo4j, String securityMode) {
			var auth = neo4j.getAuthentication();
			boolean open = "local".equalsIgnoreCase(securityMode) || settings.boltEnabled();
			if (open) {
				return new EmbeddedLogin(auth.getUsername(), auth.getPassword(), settings.boltPort());
			}
			byte[] secret = new byte[24];
			new SecureRandom().nextBytes(secret);
			return new EmbeddedLogin(auth.getUsername(), HexFormat.of().formatHex(secret), 0);
		}

		@Override
		public String toString() {
			return "EmbeddedLogin[" + username + ", port " + port + "]";
		}

	}

}
