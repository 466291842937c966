package org.casegraph.neo4j;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where casegraph keeps its graph.
 *
 * @param mode {@code embedded} (in-process Neo4j) or {@code external} (any Neo4j by
 * {@code spring.neo4j.uri})
 * @param dataDir the embedded database's home; survives restarts
 * @param boltPort the embedded database's Bolt port on 127.0.0.1 (0 picks a free one)
 * @param pageCache the embedded page cache; interactive speed needs one that holds the
 * store
 * @param transactionTimeout the embedded database's limit on any one transaction
 * @param boltEnabled in {@code users} and {@code jwt} modes, whether the embedded
 * database's Bolt port is open to other clients (Neo4j Browser, cypher-shell) with the
 * configured password; they then bypass the access policy and the audit trail
 */
@ConfigurationProperties("casegraph.neo4j")
public record DatabaseSettings(@DefaultValue("embedded") Mode mode, @DefaultValue("./data") Path dataDir,
		@DefaultValue("7687") int boltPort, @DefaultValue("512MB") DataSize pageCache,
		@DefaultValue("60s") Duration transactionTimeout, @DefaultValue("false") boolean boltEnabled) {

	/** How the application reaches its database. */
	public enum Mode {

		EMBEDDED, EXTERNAL

	}

	/** These settings with another Bolt port. */
	public DatabaseSettings withBoltPort(int port) {
		return new DatabaseSettings(mode, dataDir, port, pageCache, transactionTimeout, boltEnabled);
	}

	/**
	 * The data directory as an absolute, normalised path: Neo4j refuses paths such as
	 * {@code /x/./data}.
	 */
	public Path normalisedDataDir() {
		return dataDir.toAbsolutePath().normalize();
	}

}
