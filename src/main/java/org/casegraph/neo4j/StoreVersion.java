package org.casegraph.neo4j;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
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

	/**
	 * Where the times everything kept was let go count: above any transaction id this
	 * store will reach, so that a version after it is unlike every one before.
	 */
	private static final int FORGOTTEN_SHIFT = 40;

	private final LongSupplier lastCommitted;

	private final AtomicLong forgotten = new AtomicLong();

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
		if (lastCommitted == null) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(lastCommitted.getAsLong() + (forgotten.get() << FORGOTTEN_SHIFT));
	}

	/**
	 * Leaves everything kept so far out of date, as a write would, without writing:
	 * {@code bench queries} times a question asked for the first time this way.
	 */
	public void forgetKept() {
		forgotten.incrementAndGet();
	}

}
