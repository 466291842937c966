package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start leaves Graph Data Science unregistered, so that it does not wait for it; the
 * first callers that need it (here three at once, as a report and the registration after
 * a start may be) get it registered once, and its procedures then run.
 */
class GraphDataScienceTests {

	@TempDir
	Path temp;

	@Test
	void aStartLeavesGdsToItsFirstNeedAndCallersAtOnceRegisterItOnce() throws IOException {
		DatabaseManagementService dbms = EmbeddedNeo4j.start(EmbeddedStores.in(temp), "neo4j", "gds-password", null);
		try {
			GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			assertThat(functionsNamed(database, "gds.version")).as("GDS right after the start").isZero();

			GraphDataScience gds = GraphDataScience.embedded(database);
			List<CompletableFuture<Void>> callers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				callers.add(CompletableFuture.runAsync(gds::awaitRegistered));
			}
			callers.forEach(CompletableFuture::join);

			assertThat(functionsNamed(database, "gds.version")).isEqualTo(1);
			String version = database.executeTransactionally("RETURN gds.version() AS version", Map.of(),
					result -> (String) result.next().get("version"));
			assertThat(version).startsWith("2.");
			gds.awaitRegistered();
			assertThat(functionsNamed(database, "gds.version")).as("registered once").isEqualTo(1);
		}
		finally {
			dbms.shutdown();
		}
	}

	private static long functionsNamed(GraphDatabaseService database, String name) {
		return database.executeTransactionally("SHOW FUNCTIONS YIELD name WHERE name = $name RETURN count(*) AS n",
				Map.of("name", name), result -> (Long) result.next().get("n"));
	}

}
