package org.casegraph;

import java.nio.file.Path;
import java.util.function.Function;

import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A stopped embedded data directory opened in this process (no Bolt) for one piece of
 * work, then shut down again: how the command tests look into what a command left.
 */
public final class StoreAtRest {

	private StoreAtRest() {
	}

	public static <T> T open(Path dataDir, Function<GraphDatabaseService, T> work) {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath().normalize())
			.setConfig(BoltConnector.enabled, false)
			.build();
		try {
			return work.apply(dbms.database("neo4j"));
		}
		finally {
			dbms.shutdown();
		}
	}

}
