package org.casegraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process bulk writes carry the unit of work's metadata while other clients open
 * and close transactions beside them: {@code CALL tx.setMetaData} failed there ("The
 * transaction has been closed") when another transaction closed while it looked for its
 * own. Two writers that deadlock both write: the one Neo4j stops is run again, as the
 * driver's managed transactions are; a failure that is not transient is not.
 */
class EmbeddedBulkCypherIntegrationTests extends EmbeddedGraphTests {

	private static final String OWN_METADATA = """
			SHOW TRANSACTIONS YIELD metaData, currentQuery
			WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS'
			RETURN metaData
			""";

	@Autowired
	BulkCypher bulk;

	@Autowired
	Driver driver;

	@Test
	void writesCarryTheirMetadataWhileOtherTransactionsComeAndGo() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger others = new AtomicInteger();
		Thread client = Thread.ofPlatform().start(() -> {
			while (writing.get()) {
				driver.executableQuery("RETURN 1").execute();
				others.incrementAndGet();
			}
		});
		List<Object> seen = new ArrayList<>();
		TransactionMetadata.set("import-7", "analyst");
		try {
			for (int i = 0; i < 300; i++) {
				seen.add(bulk.write(tx -> {
					List<Object> metadata = new ArrayList<>();
					tx.run(OWN_METADATA, Map.of(), row -> metadata.add(row.get("metaData")));
					return metadata.getFirst();
				}));
			}
		}
		finally {
			TransactionMetadata.clear();
			writing.set(false);
			client.join();
		}
		assertThat(others.get()).as("transactions the other client ran meanwhile").isPositive();
		assertThat(seen).hasSize(300)
			.allSatisfy(metadata -> assertThat(metadata).isEqualTo(Map.of("requestId", "import-7", "user", "analyst")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void twoWritersThatDeadlockBothWriteTheOneStoppedIsRunAgain() throws Exception {
		String x = UUID.randomUUID().toString();
		String y = UUID.randomUUID().toString();
		bulk.write("CREATE (:DeadlockTest {id: $x}), (:DeadlockTest {id: $y})", Map.of("x", x, "y", y));
		CountDownLatch bothHoldOne = new CountDownLatch(2);
		AtomicInteger attempts = new AtomicInteger();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			Future<String> first = writers.submit(() -> lockBoth(x, y, "first", bothHoldOne, attempts));
			Future<String> second = writers.submit(() -> lockBoth(y, x, "second", bothHoldOne, attempts));

			assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo("second");
			assertThat(attempts).as("the two writes and the one stopped by the deadlock").hasValue(3);
			List<Object> written = new ArrayList<>();
			bulk.read(tx -> {
				tx.run("MATCH (n:DeadlockTest) WHERE n.id IN [$x, $y] RETURN n.writers AS writers",
						Map.of("x", x, "y", y), row -> written.add(row.get("writers")));
				return null;
			});
			assertThat(written).as("each node written once by each writer")
				.hasSize(2)
				.allSatisfy(names -> assertThat((List<Object>) names).containsExactlyInAnyOrder("first", "second"));
		}
		finally {
			writers.shutdownNow();
			bulk.write("MATCH (n:DeadlockTest) DETACH DELETE n", Map.of());
		}
	}

	@Test
	void aWriteThatFailsForAnyOtherReasonIsNotRunAgain() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> bulk.write(tx -> {
			attempts.incrementAndGet();
			tx.run("RETURN 1 / 0", Map.of(), row -> {
			});
			return null;
		})).hasMessageContaining("/ by zero");
		assertThat(attempts).hasValue(1);
	}

	/**
	 * Writes one node, then, on its first attempt once the other writer holds the other
	 * node, the other: the two wait for each other until Neo4j stops one.
	 */
	private String lockBoth(String firstId, String thenId, String writer, CountDownLatch bothHoldOne,
			AtomicInteger attempts) {
		return bulk.write(tx -> {
			boolean firstAttempt = attempts.incrementAndGet() <= 2;
			tx.run("MATCH (n:DeadlockTest {id: $id}) SET n.writers = coalesce(n.writers, []) + $writer",
					Map.of("id", firstId, "writer", writer), row -> {
					});
			if (firstAttempt) {
				bothHoldOne.countDown();
				awaitQuietly(bothHoldOne);
			}
			tx.run("MATCH (n:DeadlockTest {id: $id}) SET n.writers = coalesce(n.writers, []) + $writer",
					Map.of("id", thenId, "writer", writer), row -> {
					});
			return writer;
		});
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).as("both writers hold a node").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
