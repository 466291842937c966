package org.casegraph.terms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casegraph.CypherRoundTrips;
import org.casegraph.EmbeddedGraphTests;
import org.casegraph.cli.CommandLineInterface;
import org.casegraph.ingest.ImportFinished;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.StoreVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.impl.transaction.stats.DatabaseTransactionStats;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Term lists on the reference case: its term list's hits against the flagged messages
 * that carry its placeholder words (read from the Message nodes by plain Cypher), the
 * offsets against the bodies, versions, the comparison report and refusals.
 */
class TermsIntegrationTests extends EmbeddedGraphTests {

	/** The placeholder wording the synthetic flagged messages use, as they use it. */
	private static final List<String> WORDING = List.of("bluebottle", "tin hat", "code marmalade", "paper lantern",
			"night owls", "lemon squeezer", "kettled", "kettling");

	private static final String HITS = """
			query($list: String!, $version: Int, $scope: ScopeInput) {
			  termHits(list: $list, version: $version, scope: $scope, first: 1000) {
			    list version messages hits
			    terms { term regex messages hits }
			    people { key messages hits }
			    units { key messages hits }
			    months { key messages hits }
			    matches { message { id body flagged } spans { term start end text } }
			  }
			}
			""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Autowired
	CypherRoundTrips roundTrips;

	@Autowired
	Neo4jConnectionDetails database;

	@Autowired
	DatabaseManagementService embeddedNeo4j;

	@Autowired
	StoreVersion storeVersion;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TermHits termHits;

	@TempDir
	Path temp;

	@Test
	void theCommandLineSavesAFileAsTheNextVersionAndRefusesABadLineWithItsFileAndLine() throws IOException {
		Path good = Files.writeString(temp.resolve("terms.txt"), "# placeholder words\ntin hat\n/kettl(ed|ing)/\n");
		assertThat(terms("load", good.toString(), "--name", "cli-list")).isZero();
		assertThat(graphQl.document("{ termLists(name: \"cli-list\") { version terms { text regex } } }")
			.execute()
			.path("termLists[0].terms")
			.entityList(Map.class)
			.get())
			.containsExactly(Map.of("text", "tin hat", "regex", false), Map.of("text", "kettl(ed|ing)", "regex", true));

		Path bad = Files.writeString(temp.resolve("bad.txt"), "tin hat\n\n/(kettl/\n");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream original = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(terms("load", bad.toString(), "--name", "cli-list")).isEqualTo(2);
		}
		finally {
			System.setErr(original);
		}
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("casegraph terms load: " + bad + ":3: '(kettl' is not a regular expression")
			.contains("(nothing was written)");
		graphQl.document("{ termLists(name: \"cli-list\") { version } }")
			.execute()
			.path("termLists")
			.entityList(Object.class)
			.hasSize(1);
	}

	private int terms(String... args) {
		List<String> all = new ArrayList<>(List.of("terms"));
		all.addAll(List.of(args));
		all.addAll(
				List.of("--mode", "external", "--uri", database.getUri().toString(), "--password", "casegraph-local"));
		return CommandLineInterface.run(all.toArray(String[]::new));
	}

	@Test
	void theReferenceListHitsExactlyTheFlaggedMessagesThatUseItsWordsAndTheOffsetsCutThemOut() {
		Set<String> expected = ids("""
				MATCH (m:Message)
				WHERE any(w IN $wording WHERE toLower(m.body) CONTAINS w)
				RETURN m.id AS id
				""", Map.of("wording", WORDING));
		Set<String> flaggedWithWords = ids("""
				MATCH (m:Message {flagged: true})
				WHERE any(w IN $wording WHERE toLower(m.body) CONTAINS w)
				RETURN m.id AS id
				""", Map.of("wording", WORDING));
		assertThat(expected).hasSizeGreaterThan(50).isEqualTo(flaggedWithWords);

		Map<String, Object> hits = hits("reference-case", null, null);
		assertThat(hits).containsEntry("version", 1);
		List<Map<String, Object>> matches = list(hits, "matches");
		assertThat(matches.stream().map(m -> (String) map(m, "message").get("id")).collect(Collectors.toSet()))
			.isEqualTo(expected);
		assertThat(number(hits, "messages")).isEqualTo(expected.size());
		for (Map<String, Object> match : matches) {
			String body = (String) map(match, "message").get("body");
			for (Map<String, Object> span : list(match, "spans")) {
				String cut = body.substring((int) number(span, "start"), (int) number(span, "end"));
				assertThat(cut).isEqualTo(span.get("text"));
				assertThat(WORDING).contains(cut.toLowerCase(Locale.ROOT));
			}
		}
		long regexHits = list(hits, "terms").stream()
			.filter(term -> (Boolean) term.get("regex"))
			.mapToLong(term -> number(term, "messages"))
			.sum();
		assertThat(regexHits).as("the regular expression hits kettled and kettling").isPositive();
		assertThat(sum(list(hits, "people"))).isEqualTo(expected.size());
		assertThat(sum(list(hits, "months"))).isEqualTo(expected.size());
		Map<String, Long> perUnit = messagesPer("""
				MATCH (s)-[:SENT]->(m:Message)
				WHERE any(w IN $wording WHERE toLower(m.body) CONTAINS w)
				MATCH (s)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:IN_UNIT]->(u:Unit)
				WHERE (ms.from IS NULL OR ms.from <= date(m.sentAt)) AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)
				RETURN u.id AS key, count(DISTINCT m) AS messages
				""");
		assertThat(perUnit).as("the units the senders were in on the day").hasSizeGreaterThan(1);
		assertThat(list(hits, "units").stream()
			.collect(Collectors.toMap(unit -> (String) unit.get("key"), unit -> number(unit, "messages"))))
			.isEqualTo(perUnit);
		assertThat(list(hits, "terms").stream().mapToLong(term -> number(term, "hits")).sum())
			.isEqualTo(number(hits, "hits"));
		Map<String, Long> perMonth = messagesPer("""
				MATCH (m:Message)
				WHERE any(w IN $wording WHERE toLower(m.body) CONTAINS w)
				RETURN substring(toString(date(m.sentAt)), 0, 7) AS key, count(m) AS messages
				""");
		assertThat(list(hits, "months").stream()
			.collect(Collectors.toMap(month -> (String) month.get("key"), month -> number(month, "messages"))))
			.as("messages per month (yyyy-MM)")
			.isEqualTo(perMonth);
		Map<String, Long> perTermFromSpans = matches.stream()
			.flatMap(match -> list(match, "spans").stream().map(span -> (String) span.get("term")).distinct())
			.collect(Collectors.groupingBy(term -> term, Collectors.counting()));
		assertThat(list(hits, "terms").stream()
			.filter(term -> number(term, "messages") > 0)
			.collect(Collectors.toMap(term -> (String) term.get("term"), term -> number(term, "messages"))))
			.as("messages per term, as the spans of every message hit show")
			.isEqualTo(perTermFromSpans);
	}

	@Test
	void aSecondVersionChangesTheHitsAndTheFirstVersionsHitsStayAsTheyWere() {
		List<Map<String, Object>> terms = List.of(Map.of("text", "bluebottle"), Map.of("text", "tin hat"));
		assertThat(save("versions-test", terms)).containsEntry("version", 1);
		Set<String> first = matchIds(hits("versions-test", 1, null));
		assertThat(first).isNotEmpty();

		assertThat(save("versions-test", List.of(Map.of("text", "tin hat"), Map.of("text", "van keys"))))
			.containsEntry("version", 2);
		Map<String, Object> second = hits("versions-test", null, null);
		assertThat(second).containsEntry("version", 2);
		Set<String> vanKeys = ids("MATCH (m:Message) WHERE m.body CONTAINS 'van keys' RETURN m.id AS id", Map.of());
		Set<String> tinHat = ids("MATCH (m:Message) WHERE toLower(m.body) CONTAINS 'tin hat' RETURN m.id AS id",
				Map.of());
		Set<String> union = new TreeSet<>(vanKeys);
		union.addAll(tinHat);
		assertThat(matchIds(second)).isEqualTo(union).isNotEqualTo(first);
		assertThat(matchIds(hits("versions-test", 1, null))).isEqualTo(first);
	}

	@Test
	void aListsVersionsAreReadOnceAndTheNextAskAfterASaveFindsTheNewVersion() {
		assertThat(save("kept-versions-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 1);
		Set<String> first = matchIds(hits("kept-versions-test", null, null));
		assertThat(first).isNotEmpty();

		// Asked again, the hits are kept and the messages shown are read in one
		// transaction:
		// the list's versions are not read again in another.
		long started = startedTransactions();
		assertThat(matchIds(hits("kept-versions-test", null, null))).isEqualTo(first);
		assertThat(startedTransactions() - started).isEqualTo(1);

		assertThat(save("kept-versions-test", List.of(Map.of("text", "tin hat")))).containsEntry("version", 2);
		Map<String, Object> second = hits("kept-versions-test", null, null);
		assertThat(second).containsEntry("version", 2);
		assertThat(matchIds(second))
			.isEqualTo(ids("MATCH (m:Message) WHERE toLower(m.body) CONTAINS 'tin hat' RETURN m.id AS id", Map.of()));
	}

	@Test
	void theMessagesShownAreKeptWithTheHitsUntilTheNextWrite() {
		assertThat(save("kept-messages-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 1);
		Map<String, Object> first = hits("kept-messages-test", null, null);
		Map<String, Object> shown = map(list(first, "matches").getFirst(), "message");

		assertThat(roundTrips.during(() -> assertThat(hits("kept-messages-test", null, null)).isEqualTo(first)))
			.as("statements asked again")
			.isZero();

		boolean flagged = (Boolean) shown.get("flagged");
		setFlagged(shown.get("id"), !flagged);
		try {
			Map<String, Object> after = hits("kept-messages-test", null, null);
			assertThat(map(list(after, "matches").getFirst(), "message")).containsEntry("id", shown.get("id"))
				.containsEntry("flagged", !flagged);
		}
		finally {
			setFlagged(shown.get("id"), flagged);
		}
	}

	/** A write to one message, as any client could make it. */
	private void setFlagged(Object id, boolean flagged) {
		try (var session = driver.session()) {
			session.run("MATCH (m:Message {id: $id}) SET m.flagged = $flagged", Map.of("id", id, "flagged", flagged))
				.consume();
		}
	}

	@Test
	void aScopeKeepsTheMessagesItsPeopleSentWhileTheyBelonged() {
		Map<String, Object> scope = Map.of("unitIds", List.of("unit:impact"));
		Set<String> expected = ids(
				"""
						MATCH (:Unit {id: 'unit:impact'})<-[:IN_UNIT]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(:Person)-[:SENT]->(m:Message)
						WHERE any(w IN $wording WHERE toLower(m.body) CONTAINS w)
						  AND (ms.from IS NULL OR ms.from <= date(m.sentAt)) AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)
						RETURN DISTINCT m.id AS id
						""",
				Map.of("wording", WORDING));
		Map<String, Object> hits = hits("reference-case", null, scope);
		assertThat(matchIds(hits)).isEqualTo(expected).isNotEmpty();
		assertThat(list(hits, "units")).anySatisfy(unit -> assertThat(unit).containsEntry("key", "unit:impact")
			.containsEntry("messages", expected.size()));
	}

	@Test
	void theReportComparesTheHitsWithTheFlags() {
		Map<String, Object> hits = hits("reference-case", null, null);
		long flagged = ids("MATCH (m:Message {flagged: true}) RETURN m.id AS id", Map.of()).size();
		List<List<Object>> rows = graphQl
			.document("{ runReport(name: \"term-flags\", params: {list: \"reference-case\"}) { rows } }")
			.execute()
			.path("runReport.rows")
			.entity(List.class)
			.get();
		Map<String, Long> byCategory = new HashMap<>();
		rows.forEach(row -> byCategory.put((String) row.get(0), ((Number) row.get(1)).longValue()));
		assertThat(byCategory).containsEntry("HIT_AND_FLAGGED", number(hits, "messages"))
			.containsEntry("HIT_NOT_FLAGGED", 0L)
			.containsEntry("FLAGGED_NOT_HIT", flagged - number(hits, "messages"));
		assertThat(flagged - number(hits, "messages")).as("flagged messages without placeholder words").isPositive();
	}

	@Test
	void aListThatCannotBeMatchedIsRefusedNamingTheTermAndAnUnknownListOrVersionNamesTheArgument() {
		String invalid = graphQl.document("""
				mutation { saveTermList(name: "broken", terms: [{text: "fine"}, {text: "[a-", regex: true}]) {
				  __typename ... on Invalid { message argument } } }
				""").execute().path("saveTermList.message").entity(String.class).get();
		assertThat(invalid).startsWith("Argument 'terms[1]': '[a-' is not a regular expression");
		assertThat(graphQl.document("""
				mutation { saveTermList(name: "broken", terms: []) { ... on Invalid { message argument } } }
				""").execute().path("saveTermList").entity(Map.class).get())
			.isEqualTo(Map.of("message", "Argument 'terms': a term list needs at least one term", "argument", "terms"));
		graphQl.document("{ termLists(name: \"broken\") { version } }")
			.execute()
			.path("termLists")
			.entityList(Object.class)
			.hasSize(0);
		graphQl.document("{ termHits(list: \"no-such-list\") { messages } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage())
					.isEqualTo("Argument 'list': no term list is named 'no-such-list'")));
		graphQl.document("{ termHits(list: \"reference-case\", version: 9) { messages } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage())
					.isEqualTo("Argument 'version': term list 'reference-case' has versions 1 to 1, not 9")));
	}

	private Map<String, Object> save(String name, List<Map<String, Object>> terms) {
		return graphQl.document("""
				mutation($name: String!, $terms: [TermInput!]!) {
				  saveTermList(name: $name, terms: $terms) { ... on TermListSaved { list { name version } } } }
				""")
			.variable("name", name)
			.variable("terms", terms)
			.execute()
			.path("saveTermList.list")
			.entity(Map.class)
			.get();
	}

	@Test
	void aMessageWrittenAfterTheHitsWereFoundIsHitAtTheNextAskAndGoneOnceDeleted() {
		Map<String, Object> before = hits("reference-case", null, null);
		assertThat(hits("reference-case", null, null)).as("asked again, nothing written").isEqualTo(before);
		try (var session = driver.session()) {
			session.run("""
					MATCH (p:Person)-[:SENT]->(m:Message {channel: 'DIRECT'})
					WITH p, m LIMIT 1
					CREATE (p)-[:SENT]->(late:Entity:Message)
					SET late = m {.*, id: 'message:late-tin-hat', body: 'Late word: Tin Hat.'}
					""").consume();
		}
		try {
			Map<String, Object> after = hits("reference-case", null, null);
			assertThat(number(after, "messages")).isEqualTo(number(before, "messages") + 1);
			assertThat(matchIds(after)).contains("message:late-tin-hat");
			assertThat(list(after, "matches"))
				.filteredOn(m -> "message:late-tin-hat".equals(map(m, "message").get("id")))
				.singleElement()
				.satisfies(m -> assertThat(list(m, "spans")).singleElement()
					.satisfies(span -> assertThat(span).containsEntry("text", "Tin Hat").containsEntry("start", 11)));
		}
		finally {
			try (var session = driver.session()) {
				session.run("MATCH (m:Message {id: 'message:late-tin-hat'}) DETACH DELETE m").consume();
			}
		}
		assertThat(hits("reference-case", null, null)).isEqualTo(before);
	}

	@Test
	void aVersionsHitsAreKeptInTheStoreAndAFirstAskReadsThemAsTheMessagesWouldHaveGivenThem() {
		// An earlier version: the latest ones are also worked out again in the background
		// after writes, which would race with what this test drops.
		List<Map<String, Object>> reference = terms("reference-case");
		assertThat(save("kept-store-test", reference)).containsEntry("version", 1);
		assertThat(save("kept-store-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 2);
		Map<String, Object> scope = Map.of("unitIds", List.of("unit:impact"));
		OffsetDateTime to = OffsetDateTime.parse((String) single("""
				MATCH (m:Message) WHERE toLower(m.body) CONTAINS 'tin hat'
				RETURN toString(max(m.sentAt)) AS id
				"""));
		OffsetDateTime from = to.minusMonths(2);
		dropKeptHits("kept-store-test:1");
		storeVersion.forgetKept();

		Map<String, Object> windowedFromMessages = windowed(from, to);
		assertThat(keptGeneration("kept-store-test:1")).as("a window's hits are not kept in the store").isNull();
		Map<String, Object> fromMessages = hits("kept-store-test", 1, null);
		awaitKept("kept-store-test:1", generation());
		// Until the keeping has marked its write as one no kept answer reads, an ask sees
		// the store version moved on.
		await().atMost(Duration.ofSeconds(10)).until(termHits::idle);
		assertThat(roundTrips.during(() -> hits("kept-store-test", 1, null)))
			.as("asked again after its hits were kept in the store: kept in memory too")
			.isZero();
		Map<String, Object> scopedFromMessages = hits("kept-store-test", 1, scope);
		assertThat(number(fromMessages, "messages")).isEqualTo(number(hits("reference-case", null, null), "messages"));

		storeVersion.forgetKept();
		assertThat(roundTrips.during(() -> assertThat(hits("kept-store-test", 1, null)).isEqualTo(fromMessages)))
			.as("statements of a first ask: the kept hits and the messages shown, no full-text or pattern search")
			.isEqualTo(2);
		storeVersion.forgetKept();
		assertThat(hits("kept-store-test", 1, scope)).isEqualTo(scopedFromMessages);
		storeVersion.forgetKept();
		Map<String, Object> windowed = windowed(from, to);
		assertThat(windowed).isEqualTo(windowedFromMessages);
		assertThat(number(windowed, "messages")).isPositive().isLessThan(number(fromMessages, "messages"));
	}

	@Test
	void keptHitsOfMoreMessagesThanAPageShowsAreReadAsFarAsTheirHeadUntilAScopeNeedsTheRest() {
		// An earlier version, which nothing works out again in the background.
		assertThat(save("kept-rest-test", List.of(Map.of("text", "the")))).containsEntry("version", 1);
		assertThat(save("kept-rest-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 2);
		Map<String, Object> scope = Map.of("unitIds", List.of("unit:impact"));
		dropKeptHits("kept-rest-test:1");
		storeVersion.forgetKept();
		Map<String, Object> fromMessages = hits("kept-rest-test", 1, null);
		Map<String, Object> scopedFromMessages = hits("kept-rest-test", 1, scope);
		assertThat(number(fromMessages, "messages")).as("more than the head holds").isGreaterThan(StoredHits.IN_HEAD);
		assertThat(number(scopedFromMessages, "messages")).isPositive().isLessThan(number(fromMessages, "messages"));
		awaitKept("kept-rest-test:1", generation());

		// As after a restart, with nothing in memory: the store's arrays are read.
		storeVersion.forgetKept();
		termHits.forgetDecoded();
		assertThat(statementsOfAsk("kept-rest-test", null, fromMessages))
			.as("everyone's first ask: the head of the kept hits, and the messages shown")
			.containsExactly(cypher("kept-hits"), cypher("messages"));
		assertThat(statementsOfAsk("kept-rest-test", scope, scopedFromMessages))
			.as("a scope's ask of the hits whose head was read: their rest then")
			.contains(cypher("kept-rest"))
			.doesNotContain(cypher("kept-hits"), cypher("phrase-candidates"));
		storeVersion.forgetKept();
		termHits.forgetDecoded();
		assertThat(statementsOfAsk("kept-rest-test", scope, scopedFromMessages))
			.as("a scope's first ask: head and rest in one read")
			.contains(cypher("kept-hits"))
			.doesNotContain(cypher("kept-rest"), cypher("phrase-candidates"));
		storeVersion.forgetKept();
		assertThat(statementsOfAsk("kept-rest-test", scope, scopedFromMessages))
			.as("a scope's first ask after a write, the hits read before still in memory")
			.contains(cypher("kept-hits"))
			.doesNotContain(cypher("kept-rest"), cypher("phrase-candidates"));
	}

	@Test
	void keptHitsLeftOutOfDateByAFewWritesAreBroughtUpToDateFromWhatTheyChangedAsFindingThemWould() {
		// An earlier version, which nothing works out again in the background; with a
		// pattern whose case only the matcher folds beyond ASCII, as Cypher's =~ does
		// not.
		List<Map<String, Object>> terms = new ArrayList<>(terms("reference-case"));
		terms.add(Map.of("text", "café", "regex", true));
		assertThat(save("kept-follow-test", terms)).containsEntry("version", 1);
		assertThat(save("kept-follow-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 2);
		Map<String, Object> scope = Map.of("unitIds", List.of("unit:impact"));
		Map<String, Object> before = hits("kept-follow-test", 1, null);
		awaitKept("kept-follow-test:1", generation());
		Map<String, Object> ended = row("""
				MATCH (p:Person)-[:SENT]->(m:Message), (p)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:IN_UNIT]->(u:Unit)
				WHERE toLower(m.body) CONTAINS 'bluebottle' AND NOT toLower(m.body) CONTAINS 'tin hat'
				  AND (ms.from IS NULL OR ms.from <= date(m.sentAt)) AND (ms.to IS NULL OR ms.to >= date(m.sentAt))
				  AND NOT EXISTS { (p)-[:HAS_MEMBERSHIP]->(other:Membership)-[:IN_UNIT]->(u) WHERE other <> ms }
				RETURN m.id AS message, ms.id AS membership, u.id AS unit, ms.to AS to, p.id AS sender
				LIMIT 1
				""");
		Map<String, Object> moved = row("""
				MATCH (a:Person)-[:SENT]->(m:Message) WHERE toLower(m.body) CONTAINS 'tin hat' AND a.id <> $sender
				WITH a, m LIMIT 1
				MATCH (b:Person)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_UNIT]->(:Unit {id: 'unit:impact'})
				WHERE b <> a AND b.id <> $sender
				RETURN m.id AS message, a.id AS from, b.id AS to
				LIMIT 1
				""", Map.of("sender", ended.get("sender")));
		Map<String, Object> emptied = row("""
				MATCH (p:Person)-[:SENT]->(m:Message) WHERE toLower(m.body) CONTAINS 'code marmalade'
				  AND NOT p.id IN [$a, $b, $c]
				RETURN m.id AS message, m.body AS body
				LIMIT 1
				""", Map.of("a", ended.get("sender"), "b", moved.get("from"), "c", moved.get("to")));
		try {
			// Sent by none of the people above, whose messages hit are all read again.
			write("""
					MATCH (p:Person)-[:SENT]->(m:Message {channel: 'DIRECT'})
					WHERE NOT p.id IN [$id, $from, $to]
					WITH p, m LIMIT 1
					UNWIND [['message:follow-late', 'Late word: Tin Hat.'], ['message:follow-kettle', 'They KETTLED us.'],
					        ['message:follow-cafe', 'CAFÉ late.']] AS late
					CREATE (p)-[:SENT]->(n:Entity:Message)
					SET n = m {.*, id: late[0], body: late[1]}
					""",
					(String) ended.get("sender"), Map.of("from", moved.get("from"), "to", moved.get("to")));
			write("MATCH (m:Message {id: $id}) SET m.body = 'Nothing to see.'", (String) emptied.get("message"));
			write("""
					MATCH (ms:Membership {id: $id}), (m:Message {id: $message})
					SET ms.to = date(m.sentAt) - duration('P1D')
					""", (String) ended.get("membership"), Map.of("message", ended.get("message")));
			write("""
					MATCH (a:Person {id: $from})-[r:SENT]->(m:Message {id: $id}), (b:Person {id: $to})
					CREATE (b)-[:SENT]->(m)
					DELETE r
					""", (String) moved.get("message"), Map.of("from", moved.get("from"), "to", moved.get("to")));
			assertThat(row("""
					MATCH (p)-[:SENT]->(m:Message {id: $id})
					RETURN EXISTS { (p)-[:HAS_MEMBERSHIP]->(ms)-[:IN_UNIT]->(:Unit {id: $unit})
					                WHERE (ms.from IS NULL OR ms.from <= date(m.sentAt))
					                  AND (ms.to IS NULL OR ms.to >= date(m.sentAt)) } AS inUnit
					""", Map.of("id", ended.get("message"), "unit", ended.get("unit"))))
				.as("the sender no longer in the unit on the day")
				.containsEntry("inUnit", false);

			// From the store's arrays, as after a restart: bringing up to date the hits
			// held in memory is hitsHeldInMemoryAreUsedWhileTheStoreKeepsTheirStamp's.
			storeVersion.forgetKept();
			termHits.forgetDecoded();
			List<Map<String, Object>> followed = new ArrayList<>();
			List<String> statements = roundTrips.statementsOf(() -> followed.add(hits("kept-follow-test", 1, null)));
			assertThat(statements).as("the kept hits, then what the writes changed alone")
				.contains(cypher("kept-hits"), cypher("changed-people"), cypher("changed-messages"))
				.doesNotContain(cypher("phrase-candidates"), cypher("pattern-candidates"));
			Map<String, Object> brought = followed.getFirst();
			assertThat(matchIds(brought)).contains("message:follow-late", "message:follow-kettle")
				.doesNotContain("message:follow-cafe", (String) emptied.get("message"));
			assertThat(number(brought, "messages")).isEqualTo(number(before, "messages") + 1);
			Map<String, Object> broughtScoped = hits("kept-follow-test", 1, scope);
			awaitKept("kept-follow-test:1", generation());

			dropKeptHits("kept-follow-test:1");
			storeVersion.forgetKept();
			assertThat(roundTrips.statementsOf(() -> assertThat(hits("kept-follow-test", 1, null))
				.as("as finding them from the messages gives them")
				.isEqualTo(brought))).contains(cypher("phrase-candidates"));
			assertThat(hits("kept-follow-test", 1, scope)).isEqualTo(broughtScoped);
		}
		finally {
			write("MATCH (m:Message) WHERE m.id STARTS WITH 'message:follow-' DETACH DELETE m", "");
			write("MATCH (m:Message {id: $id}) SET m.body = $body", (String) emptied.get("message"),
					Map.of("body", emptied.get("body")));
			Map<String, Object> to = new HashMap<>();
			to.put("to", ended.get("to"));
			write("MATCH (ms:Membership {id: $id}) SET ms.to = $to", (String) ended.get("membership"), to);
			write("""
					MATCH (b:Person {id: $to})-[r:SENT]->(m:Message {id: $id}), (a:Person {id: $from})
					CREATE (a)-[:SENT]->(m)
					DELETE r
					""", (String) moved.get("message"), Map.of("from", moved.get("from"), "to", moved.get("to")));
		}
		assertThat(hits("kept-follow-test", 1, null)).isEqualTo(before);
	}

	@Test
	void hitsHeldInMemoryAreUsedWhileTheStoreKeepsTheirStamp() {
		// An earlier version, which nothing works out again in the background.
		assertThat(save("kept-memory-test", terms("reference-case"))).containsEntry("version", 1);
		assertThat(save("kept-memory-test", List.of(Map.of("text", "bluebottle")))).containsEntry("version", 2);
		String id = "kept-memory-test:1";
		Map<String, Object> scope = Map.of("unitIds", List.of("unit:impact"));
		Map<String, Object> before = hits("kept-memory-test", 1, null);
		Map<String, Object> scopedBefore = hits("kept-memory-test", 1, scope);
		awaitKept(id, generation());
		Map<String, Object> edited = row("""
				MATCH (m:Message) WHERE toLower(m.body) CONTAINS 'tin hat' AND NOT toLower(m.body) CONTAINS 'kettl'
				RETURN m.id AS message, m.body AS body
				ORDER BY m.sentAt DESC
				LIMIT 1
				""");
		byte[] none = new byte[0];
		try {
			// Arrays that cannot be read, under the same stamp: read, they would give no
			// hits, and the messages would be searched.
			write("MATCH (h:TermListHits {id: $id}) SET h.hits = $none, h.rest = $none", id, Map.of("none", none));
			storeVersion.forgetKept();
			assertThat(statementsOfAsk("kept-memory-test", null, before))
				.as("the hits in memory, and the messages shown")
				.containsExactly(cypher("kept-hits"), cypher("messages"));
			assertThat(statementsOfAsk("kept-memory-test", scope, scopedBefore)).doesNotContain(cypher("kept-rest"),
					cypher("phrase-candidates"));

			write("MATCH (m:Message {id: $id}) SET m.body = m.body + ' Kettled again.'",
					(String) edited.get("message"));
			storeVersion.forgetKept();
			List<Map<String, Object>> brought = new ArrayList<>();
			assertThat(roundTrips.statementsOf(() -> brought.add(hits("kept-memory-test", 1, null))))
				.as("the hits in memory brought up to date from the message the write changed")
				.contains(cypher("kept-hits"), cypher("changed-messages"))
				.doesNotContain(cypher("kept-rest"), cypher("phrase-candidates"), cypher("pattern-candidates"));
			assertThat(number(brought.getFirst(), "messages")).isEqualTo(number(before, "messages"));
			assertThat(number(brought.getFirst(), "hits")).isEqualTo(number(before, "hits") + 1);
			Map<String, Object> broughtScoped = hits("kept-memory-test", 1, scope);
			awaitKept(id, generation());

			// Another stamp in the store: what memory holds is not used.
			write("MATCH (h:TermListHits {id: $id}) SET h.stamp = h.stamp + 1, h.hits = $none, h.rest = $none", id,
					Map.of("none", none));
			storeVersion.forgetKept();
			assertThat(roundTrips.statementsOf(() -> assertThat(hits("kept-memory-test", 1, null))
				.as("as finding them from the messages gives them")
				.isEqualTo(brought.getFirst()))).contains(cypher("phrase-candidates"));
			assertThat(hits("kept-memory-test", 1, scope)).isEqualTo(broughtScoped);
		}
		finally {
			write("MATCH (m:Message {id: $id}) SET m.body = $body", (String) edited.get("message"),
					Map.of("body", edited.get("body")));
		}
	}

	@Test
	void theGenerationsLogKeepsTheLatestChangedIdsAndIsEmptiedByWhatItCannotFollow() {
		write("CREATE (:Message {id: 'log-test:0'})", "");
		write("MATCH (m:Message {id: 'log-test:0'}) DELETE m", "");
		long start = generation();
		assertThat(log()).as("a message deleted").isEqualTo(new Log(List.of(), List.of(), start));

		write("UNWIND range(1, 1500) AS i CREATE (:Message {id: 'log-test:' + i})", "");
		assertThat(log().changed()).containsExactlyInAnyOrderElementsOf(logTestIds(1, 1500));
		assertThat(log().changedIn()).containsOnly(start + 1);
		assertThat(log().completeSince()).isEqualTo(start);

		write("UNWIND range(1, 600) AS i MATCH (m:Message {id: 'log-test:' + i}) SET m.body = 'log test'", "");
		Log again = log();
		assertThat(again.changed()).as("an id changed again, once, under the latest generation").hasSize(1500);
		assertThat(again.changed().subList(900, 1500)).containsExactlyInAnyOrderElementsOf(logTestIds(1, 600));
		assertThat(again.changedIn().subList(0, 900)).containsOnly(start + 1);
		assertThat(again.changedIn().subList(900, 1500)).containsOnly(start + 2);
		assertThat(again.completeSince()).isEqualTo(start);

		write("UNWIND range(1501, 2100) AS i CREATE (:Message {id: 'log-test:' + i})", "");
		Log rolled = log();
		assertThat(rolled.changed()).as("the latest %d ids", 2000).hasSize(2000);
		assertThat(rolled.changed().subList(0, 800)).doesNotHaveDuplicates().isSubsetOf(logTestIds(601, 1500));
		assertThat(rolled.changed().subList(800, 1400)).containsExactlyInAnyOrderElementsOf(logTestIds(1, 600));
		assertThat(rolled.changed().subList(1400, 2000)).containsExactlyInAnyOrderElementsOf(logTestIds(1501, 2100));
		assertThat(rolled.completeSince()).as("some of the first write's ids dropped").isEqualTo(start + 1);

		write("UNWIND range(1, 2001) AS i CREATE (:Message {id: 'log-test:more-' + i})", "");
		assertThat(log()).as("more ids than the log keeps").isEqualTo(new Log(List.of(), List.of(), start + 4));
		write("MATCH (m:Message {id: 'log-test:1'}) SET m.body = 'log test again'", "");
		assertThat(log()).isEqualTo(new Log(List.of("log-test:1"), List.of(start + 5), start + 4));
		write("MATCH (m:Message {id: 'log-test:1'}) SET m.id = 'log-test:renamed'", "");
		assertThat(log()).as("an id changed").isEqualTo(new Log(List.of(), List.of(), start + 6));
		write("MATCH (m:Message) WHERE m.id STARTS WITH 'log-test:' DETACH DELETE m", "");
		assertThat(log()).isEqualTo(new Log(List.of(), List.of(), start + 7));
	}

	private static List<String> logTestIds(int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj(i -> "log-test:" + i).toList();
	}

	/** The generation's log of the ids changed, as the store holds it. */
	private record Log(List<String> changed, List<Long> changedIn, long completeSince) {
	}

	private Log log() {
		try (var session = driver.session()) {
			var g = session.run("MATCH (g:InputsGeneration {name: 'term-hits'}) RETURN g").single().get("g").asNode();
			return new Log(g.get("changed").asList(value -> value.asString()),
					g.get("changedIn").asList(value -> value.asLong()), g.get("completeSince").asLong());
		}
	}

	private static String cypher(String file) {
		return CypherScript.load("cypher/terms/" + file + ".cypher").single();
	}

	/** A list's latest terms, as saveTermList takes them. */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> terms(String list) {
		List<Map<String, Object>> versions = graphQl.document("""
				query($name: String!) { termLists(name: $name) { terms { text regex } } }
				""")
			.variable("name", list)
			.execute()
			.path("termLists")
			.entityList(Map.class)
			.get()
			.stream()
			.map(version -> (Map<String, Object>) version)
			.toList();
		return (List<Map<String, Object>>) versions.getLast().get("terms");
	}

	@Test
	void aWriteToWhatHitsReadLeavesTheKeptHitsOutOfDateCaseWorkDoesNotAndAnImportWorksThemOutAgain() {
		hits("reference-case", null, null);
		long before = generation();
		awaitKept("reference-case:1", before);
		String officer = (String) single("MATCH (p:Person)-[:SENT]->(:Message) RETURN p.id AS id LIMIT 1");

		assertThat(graphQl.document("""
				mutation($ids: [ID!]!) { tag(entityIds: $ids, name: "kept-hits-test") { __typename } }
				""").variable("ids", List.of(officer)).execute().path("tag.__typename").entity(String.class).get())
			.isEqualTo("Tagged");
		assertThat(generation()).as("a tag is case work, not what hits read").isEqualTo(before);
		storeVersion.forgetKept();
		assertThat(roundTrips.during(() -> hits("reference-case", null, null))).isEqualTo(2);

		write("""
				MATCH (p:Person {id: $id})-[:SENT]->(m:Message {channel: 'DIRECT'})
				WITH p, m LIMIT 1
				CREATE (p)-[:SENT]->(late:Entity:Message)
				SET late = m {.*, id: 'message:kept-late', body: 'Kept word: tin hat.'}
				""", officer);
		try {
			assertThat(generation()).isEqualTo(before + 1);
			awaitKept("reference-case:1", before + 1);
			assertThat(roundTrips
				.during(() -> assertThat(matchIds(hits("reference-case", null, null))).contains("message:kept-late")))
				.as("worked out again after the write, unasked: a first ask reads them")
				.isEqualTo(2);

			write("""
					MATCH (:Person {id: $id})-[:HAS_MEMBERSHIP]->(ms:Membership)
					WITH ms LIMIT 1
					SET ms.from = coalesce(ms.from, date('1990-01-01')) - duration('P1D')
					""", officer);
			assertThat(generation()).as("a membership's dates").isEqualTo(before + 2);
			write("MATCH (m:Message {id: 'message:kept-late'}) SET m.body = 'Kept word: none.'", officer);
			assertThat(generation()).as("a body").isEqualTo(before + 3);

			events.publishEvent(new ImportFinished("kept-hits-test"));
			assertThat(keptGeneration("reference-case:1")).as("worked out again as an import ends")
				.isEqualTo(before + 3);
			storeVersion.forgetKept();
			assertThat(roundTrips.during(
					() -> assertThat(matchIds(hits("reference-case", null, null))).doesNotContain("message:kept-late")))
				.isEqualTo(2);
		}
		finally {
			write("""
					MATCH (:Person {id: $id})-[:HAS_MEMBERSHIP]->(ms:Membership)
					WITH ms LIMIT 1
					SET ms.from = CASE WHEN ms.from = date('1990-01-01') - duration('P1D') THEN null
					                   ELSE ms.from + duration('P1D') END
					""", officer);
			write("MATCH (m:Message {id: 'message:kept-late'}) DETACH DELETE m", officer);
			graphQl.document("""
					mutation($ids: [ID!]!) { untag(entityIds: $ids, name: "kept-hits-test") { __typename } }
					""").variable("ids", List.of(officer)).execute();
		}
		assertThat(generation()).isEqualTo(before + 5);
	}

	@Test
	void hitsWorkedOutBeforeAWriteToWhatTheyReadAreNotKept() {
		long now = generation();
		Map<String, Object> parameters = Map.of("id", "kept-guard-test:1", "list", "kept-guard-test", "version", 1,
				"hits", new byte[] { 1 }, "rest", new byte[] { 2 }, "stamp", 0L, "messages", 0);
		Map<String, Object> stale = new HashMap<>(parameters);
		stale.put("generation", now - 1);
		assertThat(keep(stale)).isZero();
		assertThat(keptGeneration("kept-guard-test:1")).isNull();
		Map<String, Object> current = new HashMap<>(parameters);
		current.put("generation", now);
		assertThat(keep(current)).isOne();
		assertThat(keptGeneration("kept-guard-test:1")).isEqualTo(now);
		dropKeptHits("kept-guard-test:1");
	}

	private long keep(Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.run(CypherScript.load("cypher/terms/keep-hits.cypher").single(), parameters)
				.single()
				.get("kept")
				.asLong();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> windowed(OffsetDateTime from, OffsetDateTime to) {
		return graphQl.document("""
				query($from: DateTime, $to: DateTime) {
				  termHits(list: "kept-store-test", version: 1, from: $from, to: $to, first: 1000) {
				    messages hits terms { term messages hits } people { key messages hits }
				    units { key messages hits } months { key messages hits }
				    matches { message { id sentAt } spans { term start end text } }
				  }
				}
				""")
			.variable("from", from.toString())
			.variable("to", to.toString())
			.execute()
			.path("termHits")
			.entity(Map.class)
			.get();
	}

	/** The generation of what term hits read, as the store holds it. */
	private long generation() {
		return ((Number) single("MATCH (g:InputsGeneration {name: 'term-hits'}) RETURN g.n AS id")).longValue();
	}

	/**
	 * Waits for a version's hits to be kept in the store under a generation: an ask keeps
	 * what it worked out after it has answered.
	 */
	private void awaitKept(String id, long generation) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(keptGeneration(id)).isEqualTo(generation));
	}

	/** The generation a version's hits are kept in the store under; null if none are. */
	private Long keptGeneration(String id) {
		Object generation = single("OPTIONAL MATCH (h:TermListHits {id: $id}) RETURN h.generation AS id", id);
		return generation == null ? null : ((Number) generation).longValue();
	}

	/**
	 * Drops a version's kept hits once no keeping is waiting or under way: hits the
	 * background works out after an earlier test's writes would otherwise come back.
	 */
	private void dropKeptHits(String id) {
		await().atMost(Duration.ofSeconds(10)).until(termHits::idle);
		write("MATCH (h:TermListHits {id: $id}) DELETE h", id);
	}

	/** A write as any Bolt client could make it; {@code $id} bound to {@code id}. */
	private void write(String cypher, String id) {
		write(cypher, id, Map.of());
	}

	private void write(String cypher, String id, Map<String, Object> more) {
		Map<String, Object> parameters = new HashMap<>(more);
		parameters.put("id", id);
		try (var session = driver.session()) {
			session.run(cypher, parameters).consume();
		}
	}

	private Map<String, Object> row(String cypher) {
		return row(cypher, Map.of());
	}

	private Map<String, Object> row(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.run(cypher, parameters).single().asMap();
		}
	}

	private Object single(String cypher) {
		return single(cypher, "");
	}

	private Object single(String cypher, String id) {
		try (var session = driver.session()) {
			return session.run(cypher, Map.of("id", id)).single().get("id").asObject();
		}
	}

	@Test
	void aShortPageIsTheOldestMessagesHitInOrderAndTheCountsStillCoverEveryOne() {
		Map<String, Object> all = page(TermHits.MAX_FIRST);
		List<String> allIds = pageIds(all);
		assertThat(allIds).hasSize((int) number(all, "messages")).hasSizeGreaterThan(50);
		assertThat(list(all, "matches").stream()
			.map(m -> OffsetDateTime.parse((String) map(m, "message").get("sentAt")).toInstant())
			.toList()).isSorted();
		for (int first : List.of(0, 1, 25, allIds.size() - 1)) {
			Map<String, Object> page = page(first);
			assertThat(pageIds(page)).as("first: %d", first).isEqualTo(allIds.subList(0, first));
			assertThat(number(page, "messages")).isEqualTo(number(all, "messages"));
			assertThat(number(page, "hits")).isEqualTo(number(all, "hits"));
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> page(int first) {
		return graphQl.document("""
				query($first: Int!) {
				  termHits(list: "reference-case", first: $first) { messages hits matches { message { id sentAt } } }
				}
				""").variable("first", first).execute().path("termHits").entity(Map.class).get();
	}

	private static List<String> pageIds(Map<String, Object> page) {
		return list(page, "matches").stream().map(m -> (String) map(m, "message").get("id")).toList();
	}

	/**
	 * The statements an ask of a list's first version ran, its answer found equal to
	 * {@code expected}.
	 */
	private List<String> statementsOfAsk(String list, Map<String, Object> scope, Map<String, Object> expected) {
		return roundTrips.statementsOf(() -> assertThat(hits(list, 1, scope)).isEqualTo(expected));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> hits(String list, Integer version, Map<String, Object> scope) {
		return graphQl.document(HITS)
			.variable("list", list)
			.variable("version", version)
			.variable("scope", scope)
			.execute()
			.path("termHits")
			.entity(Map.class)
			.get();
	}

	/** Transactions begun on the default database so far, reads and writes alike. */
	private long startedTransactions() {
		return ((GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
			.getDependencyResolver()
			.resolveDependency(DatabaseTransactionStats.class)
			.getNumberOfStartedTransactions();
	}

	private Set<String> ids(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			return session.run(cypher, parameters)
				.list(row -> row.get("id").asString())
				.stream()
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private Map<String, Long> messagesPer(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher, Map.of("wording", WORDING))
				.stream()
				.collect(Collectors.toMap(row -> row.get("key").asString(), row -> row.get("messages").asLong()));
		}
	}

	private static Set<String> matchIds(Map<String, Object> hits) {
		return list(hits, "matches").stream()
			.map(m -> (String) map(m, "message").get("id"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static long sum(List<Map<String, Object>> counts) {
		return counts.stream().mapToLong(count -> number(count, "messages")).sum();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	private static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

}
