package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database tells no other host about itself: no usage data sent to Neo4j (by
 * default Neo4j sends its store's size and counts every day and says so in its log), and
 * no Bolt server announced to the local network.
 */
class EmbeddedOfflineTests {

	@TempDir
	Path temp;

	@Test
	void theEmbeddedDatabaseSendsNoUsageDataAndAnnouncesNothing() throws IOException {
		DatabaseManagementService dbms = EmbeddedNeo4j.start(EmbeddedStores.in(temp), "neo4j", "offline-password",
				null);
		try {
			Config config = ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
				.getDependencyResolver()
				.resolveDependency(Config.class);
			assertThat(config.get(GraphDatabaseSettings.udc_enabled)).isFalse();
			assertThat(config.get(BoltConnector.enable_discovery)).isFalse();
		}
		finally {
			dbms.shutdown();
		}
		String log = Files.readString(temp.resolve("data/logs/debug.log"));
		assertThat(log).contains("Bolt server loaded").doesNotContain("Anonymous Usage Data is being sent");
	}

}
