package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fills a new embedded store offline, before the database starts: Neo4j's batch importer
 * writes store files directly, many times faster than transactions, for a first large
 * import. {@link EmbeddedNeo4j} calls it only when the data directory holds no graph yet,
 * or when an earlier load was interrupted (a marker file stays until the database has
 * started on a loaded store).
 */
public interface StoreLoader {

	/**
	 * Refuses, before anything is written, an input that a new store cannot take (for
	 * example one that refers to what only an existing graph could hold).
	 */
	void requireLoadable();

	/** Loads the store of the data directory {@code home}, replacing any partial one. */
	void load(Path home) throws IOException;

}
