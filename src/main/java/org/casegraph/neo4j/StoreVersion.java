package org.casegraph.neo4j;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * Which state of the data a read is about to see, so that what is worked out from it can
 * be kept until the data changes. On the embedded database it is the id of the last
 * transaction committed: every write moves it on (case work, an import, an aggregate, a
 * Bolt client's), reads never do. An external database's writes are not seen here, so
 * there it is unknown and nothing is kept.
 */
public final class StoreVersion {

	private static final StoreVersion UNKNOWN = new StoreVersion(null);

	private final LongSupplier lastCommitted;

	private StoreVersion(LongSupplier lastCommitted) {
		this.lastCommitted = lastCommitted;
	}

	static StoreVersion of(GraphDatabaseService database) {
		TransactionIdStore transactions = ((GraphDatabaseAPI) database).getDependencyResolver()
			.resolveDependency(TransactionIdStore.class);
		return new StoreVersion(transactions::getLastCommittedTransactionId);
	}

	static StoreVersion unknown() {
		return UNKNOWN;
	}

	/**
	 * The version now; read it before the read it labels, so that a write committed
	 * meanwhile leaves what is kept marked older than it is (worked out again), never
	 * newer.
	 */
	public OptionalLong current() {
		return lastCommitted == null ? OptionalLong.empty() : OptionalLong.of(lastCommitted.getAsLong());
	}

}
