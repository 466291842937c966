package org.casegraph.neo4j;

import java.net.URI;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In embedded mode the application starts Neo4j itself and points Boot's driver at its
 * Bolt port, so every query goes through the driver exactly as it would to an external
 * server. Only bulk writes (imports, the aggregate) run in-process, through
 * {@link BulkCypher}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "casegraph.neo4j.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "shutdown")
	DatabaseManagementService embeddedNeo4j(DatabaseSettings settings, Neo4jProperties neo4j,
			ObjectProvider<StoreLoader> loader) {
		var auth = neo4j.getAuthentication();
		return EmbeddedNeo4j.start(settings, auth.getUsername(), auth.getPassword(), loader.getIfAvailable());
	}

	@Bean
	BulkCypher bulkCypher(DatabaseManagementService embeddedNeo4j) {
		return new EmbeddedBulkCypher(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j,
			Neo4jProperties neo4j) {
		URI uri = EmbeddedNeo4j.boltUri(embeddedNeo4j);
		AuthToken token = AuthTokens.basic(neo4j.getAuthentication().getUsername(),
				neo4j.getAuthentication().getPassword());
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

}
