package org.casegraph.neo4j;

import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * Which state of the data a read is about to see, so that what is worked out from it can
 * be kept until the data changes. On the embedded database it is the id of the last
 * transaction closed with every one before it: every write moves it on (an import, an
 * aggregate, a tag, a Bolt client's), reads never do, but for the writes of what no kept
 * answer reads ({@link #keptThrough}: notes, saved searches and their runs, term lists),
 * which an investigator makes while exploring and which would otherwise let go of every
 * network kept. An external database's writes are not seen here, so there it is unknown
 * and nothing is kept.
 */
public final class StoreVersion {

	private static final StoreVersion UNKNOWN = new StoreVersion(null);

	/**
	 * Where the times everything kept was let go count: above any transaction id this
	 * store will reach, so that a version after it is unlike every one before.
	 */
	private static final int FORGOTTEN_SHIFT = 40;

	/**
	 * Gap-free, unlike the highest id committed: a read that sees this id sees every
	 * write up to it, so an answer is never marked newer than the data it read.
	 */
	private final LongSupplier lastClosed;

	private final AtomicLong forgotten = new AtomicLong();

	/**
	 * The transactions known to have written only what no kept answer reads, above the
	 * last one that wrote anything else.
	 */
	private final NavigableSet<Long> unread = new ConcurrentSkipListSet<>();

	private StoreVersion(LongSupplier lastClosed) {
		this.lastClosed = lastClosed;
	}

	static StoreVersion of(GraphDatabaseService database) {
		TransactionIdStore transactions = ((GraphDatabaseAPI) database).getDependencyResolver()
			.resolveDependency(TransactionIdStore.class);
		return over(transactions::getHighestGapFreeClosedTransactionId);
	}

	/** Over any source of the last transaction closed with every one before it. */
	static StoreVersion over(LongSupplier lastClosed) {
		return new StoreVersion(lastClosed);
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
		if (lastClosed == null) {
			return OptionalLong.empty();
		}
		long version = lastClosed.getAsLong();
		while (unread.contains(version)) {
			version--;
		}
		unread.headSet(version).clear();
		return OptionalLong.of(version + (forgotten.get() << FORGOTTEN_SHIFT));
	}

	/**
	 * Runs a write of what no kept answer reads, in one transaction, leaving what is kept
	 * in date. Its transaction is known as the one closed between the ids read before and
	 * after it only when no other closed meanwhile; otherwise the version moves on as for
	 * any write, and kept answers are worked out again.
	 */
	public <T> T keptThrough(Supplier<T> write) {
		if (lastClosed == null) {
			return write.get();
		}
		long before = lastClosed.getAsLong();
		T result = write.get();
		if (lastClosed.getAsLong() == before + 1) {
			unread.add(before + 1);
		}
		return result;
	}

	/**
	 * Leaves everything kept so far out of date, as a write would, without writing:
	 * {@code bench queries} times a question asked for the first time this way.
	 */
	public void forgetKept() {
		forgotten.incrementAndGet();
	}

}
