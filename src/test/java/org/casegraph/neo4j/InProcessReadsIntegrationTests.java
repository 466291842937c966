package org.casegraph.neo4j;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's reads run in-process: the same records as the driver reads over
 * Bolt, read-only, within the timeout, with the request's metadata, and a read inside a
 * read joining it; reads side by side each in a transaction of their own, at once.
 */
class InProcessReadsIntegrationTests extends EmbeddedGraphTests {

	private static final String SHAPES = """
			MATCH path = (p:Person {id: 'officer:a'})-[h:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
			RETURN p, h, path, m.from AS day, [1, 2.5, 'x', null] AS list, {nested: {at: datetime('2016-05-01T10:00:00+01:00')}} AS map,
			       point({x: 1.5, y: 2.5}) AS point, duration('P1M2DT3S') AS span, p.id + '!' AS text
			ORDER BY m.id LIMIT 1
			""";

	@Autowired
	ReadOnlyCypher cypher;

	@Autowired
	Driver driver;

	@Autowired
	StoreVersion storeVersion;

	@Test
	void recordsReadInProcessEqualTheDriversOverBolt() {
		Record inProcess = cypher.list(SHAPES, Map.of(), record -> record).getFirst();
		Record overBolt;
		try (var session = driver.session(SessionConfig.forDatabase("neo4j"))) {
			overBolt = session.executeRead(tx -> tx.run(SHAPES).single());
		}
		assertThat(inProcess.keys()).isEqualTo(overBolt.keys());
		for (String key : overBolt.keys()) {
			assertThat(comparable(inProcess.get(key))).as(key).isEqualTo(comparable(overBolt.get(key)));
		}
		assertThat(inProcess.get("p").asNode().labels()).contains("Person", "Officer", "Entity");
		assertThat(inProcess.get("path").asPath().length()).isEqualTo(2);
	}

	@Test
	void storedArraysReadInProcessEqualTheDriversOverBolt() {
		String arrays = """
				MATCH (c:UnitContacts) WHERE size(c.months) > 1
				RETURN c.months AS months, c.monthCounts AS counts, c.monthFirst AS firsts
				ORDER BY c.id LIMIT 1
				""";
		Record inProcess = cypher.list(arrays, Map.of(), record -> record).getFirst();
		Record overBolt;
		try (var session = driver.session(SessionConfig.forDatabase("neo4j"))) {
			overBolt = session.executeRead(tx -> tx.run(arrays).single());
		}
		for (String key : overBolt.keys()) {
			assertThat(inProcess.get(key).asList()).as(key).isEqualTo(overBolt.get(key).asList()).hasSizeGreaterThan(1);
		}
	}

	@Test
	void theStoreVersionMovesOnWithAWriteOverBoltAndNotWithAReadOrARefusedWrite() {
		long before = storeVersion.current().orElseThrow();
		cypher.list(SHAPES, Map.of(), record -> record);
		assertThatThrownBy(() -> cypher.list("CREATE (:Entity {id: 'written-in-a-read'})", Map.of(), r -> r))
			.isInstanceOf(ClientException.class);
		assertThat(storeVersion.current()).hasValue(before);
		try (var session = driver.session(SessionConfig.forDatabase("neo4j"))) {
			session.executeWrite(tx -> tx.run("CREATE (:Entity {id: 'store-version'})").consume());
			assertThat(storeVersion.current().orElseThrow()).isGreaterThan(before);
			session.executeWrite(tx -> tx.run("MATCH (n:Entity {id: 'store-version'}) DELETE n").consume());
		}
	}

	@Test
	void aReadThatRunsTooLongIsRefusedNamingTheSetting() {
		assertThatThrownBy(
				() -> cypher.read(
						statements -> statements
							.run("UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)", Map.of()),
						Duration.ofSeconds(1), "casegraph.limits.timeout"))
			.isInstanceOf(LimitExceededException.class)
			.hasMessageContaining("casegraph.limits.timeout");
	}

	@Test
	void aWriteFailsAsTheServerSaysAndChangesNothing() {
		assertThatThrownBy(() -> cypher.list("CREATE (:Entity {id: 'written-in-a-read'})", Map.of(), r -> r))
			.isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).startsWith("Neo.ClientError.Security"));
		assertThat(cypher.list("MATCH (n {id: 'written-in-a-read'}) RETURN count(n) AS n", Map.of(),
				r -> r.get("n").asLong()))
			.containsExactly(0L);
	}

	@Test
	void aBadStatementComesOutAsTheDriversErrorWithItsCode() {
		assertThatThrownBy(() -> cypher.list("MATCH (n RETURN n", Map.of(), r -> r)).isInstanceOf(ClientException.class)
			.satisfies(
					ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.SyntaxError"));
	}

	@Test
	void aReadInsideAReadJoinsItsTransactionWithTheRequestsMetadata() {
		TransactionMetadata.set("request-42", "tester");
		try {
			List<Object> seen = cypher.read(outer -> {
				String outerTx = outer
					.run("SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery "
							+ "WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN transactionId, metaData",
							Map.of())
					.getFirst()
					.get("transactionId")
					.asString();
				return cypher.read(inner -> List.of(outerTx,
						inner.run("SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery "
								+ "WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN transactionId, metaData",
								Map.of())
							.getFirst()
							.asMap()));
			});
			@SuppressWarnings("unchecked")
			Map<String, Object> inner = (Map<String, Object>) seen.get(1);
			assertThat(inner.get("transactionId")).isEqualTo(seen.get(0));
			assertThat(inner.get("metaData")).isEqualTo(Map.of("requestId", "request-42", "user", "tester"));
		}
		finally {
			TransactionMetadata.clear();
		}
	}

	@Test
	void readsSideBySideRunAtOnceEachInAReadOnlyTransactionWithTheRequestsMetadataAndTheirResultsInOrder()
			throws Exception {
		CyclicBarrier bothUnderWay = new CyclicBarrier(2);
		Function<String, Function<ReadOnlyCypher.Statements, Map<String, Object>>> read = name -> statements -> {
			Map<String, Object> seen = new HashMap<>(statements.run(ownTransaction(name), Map.of()).getFirst().asMap());
			seen.put("thread", Thread.currentThread().getName());
			try {
				// Passed only by two reads under way at the same time.
				bothUnderWay.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("the reads did not run at once", ex);
			}
			return seen;
		};
		TransactionMetadata.set("request-43", "tester");
		try {
			List<Object> seen = cypher.read(outer -> {
				Object outerTx = outer.run(ownTransaction("outer"), Map.of())
					.getFirst()
					.get("transactionId")
					.asString();
				return List.of(outerTx, cypher.readSideBySide(List.of(read.apply("first"), read.apply("second"))));
			});
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> reads = (List<Map<String, Object>>) seen.get(1);
			assertThat(reads.get(0)).containsEntry("transactionId", seen.get(0))
				.containsEntry("thread", Thread.currentThread().getName());
			assertThat(reads.get(1).get("transactionId")).isNotEqualTo(seen.get(0));
			assertThat(reads.get(1).get("thread")).isNotEqualTo(Thread.currentThread().getName());
			assertThat(reads).allSatisfy(one -> assertThat(one.get("metaData"))
				.isEqualTo(Map.of("requestId", "request-43", "user", "tester")));
			assertThat(TransactionMetadata.current()).containsEntry("requestId", "request-43");
		}
		finally {
			TransactionMetadata.clear();
		}
		List<Function<ReadOnlyCypher.Statements, Long>> counts = List.of(
				statements -> statements.run("RETURN 1 AS n", Map.of()).getFirst().get("n").asLong(),
				statements -> statements.run("CREATE (:Entity {id: 'written-side-by-side'}) RETURN 2 AS n", Map.of())
					.getFirst()
					.get("n")
					.asLong());
		assertThatThrownBy(() -> cypher.readSideBySide(counts)).isInstanceOf(ClientException.class)
			.satisfies(ex -> assertThat(((ClientException) ex).code()).startsWith("Neo.ClientError.Security"));
		assertThat(cypher.list("MATCH (n {id: 'written-side-by-side'}) RETURN count(n) AS n", Map.of(),
				r -> r.get("n").asLong()))
			.containsExactly(0L);
	}

	/** A statement that finds its own transaction among those running, by its name. */
	private static String ownTransaction(String name) {
		return "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery "
				+ "WHERE currentQuery CONTAINS 'read named %s' RETURN transactionId, metaData".formatted(name);
	}

	@Test
	void backgroundWorkReadsSideBySideOneAfterAnotherOnItsOwnThread() throws Exception {
		Function<ReadOnlyCypher.Statements, String> thread = statements -> {
			statements.run("RETURN 1", Map.of());
			return Thread.currentThread().getName();
		};
		ExecutorService background = Executors.newSingleThreadExecutor(BackgroundWork.threads("side-by-side-test"));
		try {
			assertThat(background.submit(() -> cypher.readSideBySide(List.of(thread, thread, thread)))
				.get(30, TimeUnit.SECONDS))
				.containsExactly("side-by-side-test", "side-by-side-test", "side-by-side-test");
		}
		finally {
			background.shutdown();
		}
	}

	/**
	 * Values compared by what they hold (a node's id and element id are the same
	 * store's).
	 */
	private static Object comparable(Value value) {
		return switch (value.type().name()) {
			case "NODE" -> List.of(value.asNode().elementId(), value.asNode().labels(), value.asNode().asMap());
			case "RELATIONSHIP" -> List.of(value.asRelationship().elementId(), value.asRelationship().type(),
					value.asRelationship().startNodeElementId(), value.asRelationship().endNodeElementId(),
					value.asRelationship().asMap());
			case "PATH" -> value.asPath().toString();
			default -> value.asObject();
		};
	}

}
