package org.casegraph.referencecase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.messaging.ContactAggregate;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference case as the server loads it: the public facts with their sources, and a
 * synthetic layer whose counts agree with each source at its date.
 */
class ReferenceCaseIntegrationTests extends EmbeddedGraphTests {

	private static final LocalDate S1_DATE = LocalDate.of(2019, 4, 30);

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Autowired
	SeedSettings settings;

	@Autowired
	ReferenceCaseSeeder seeder;

	@Autowired
	ContactAggregate contacts;

	@Test
	void fourteenOfficersWereInvestigated() {
		List<Map<String, Object>> subjects = subjects();
		assertThat(subjects).hasSize(14);
		assertThat(subjects).extracting(o -> o.get("name"))
			.containsExactly("Officer A", "Officer B", "Officer C", "Officer D", "Officer E", "Officer F", "Officer G",
					"Officer H", "Officer I", "Officer J", "Officer K", "Officer L", "Officer M", "Officer N");
	}

	@Test
	void atS1sDateTwelveWereKnownWithTheStatusesS1Gives() {
		List<Map<String, Object>> known = subjects().stream().filter(o -> reportedBy(o, S1_DATE)).toList();
		assertThat(known).hasSize(12);
		Map<String, Long> byStatus = statusCountsOn(known, S1_DATE);
		assertThat(byStatus).containsEntry("FORMER", 1L)
			.containsEntry("SUSPENDED", 1L)
			.containsEntry("RESTRICTED_DUTIES", 4L)
			.containsEntry("SERVING", 6L);
		assertThat(known.stream().filter(o -> !"FORMER".equals(statusOn(o, S1_DATE))).map(o -> o.get("rank")))
			.containsOnly("PC", "PS")
			.filteredOn("PS"::equals)
			.hasSize(2);
		assertThat(known.stream().filter(o -> "RESTRICTED_DUTIES".equals(statusOn(o, S1_DATE))).map(o -> o.get("rank")))
			.filteredOn("PS"::equals)
			.hasSize(1);
	}

	@Test
	void outcomesMatchS4AndS5() {
		List<Map<String, Object>> subjects = subjects();
		assertThat(countWithOutcome(subjects, "DISMISSAL_GROSS_MISCONDUCT")).isEqualTo(1);
		assertThat(countWithOutcome(subjects, "WOULD_HAVE_BEEN_DISMISSED")).isEqualTo(1);
		assertThat(countWithOutcome(subjects, "BARRED_LIST")).isEqualTo(2);
		assertThat(countWithOutcome(subjects, "RESIGNATION")).isEqualTo(2);
		assertThat(countWithOutcome(subjects, "FINAL_WRITTEN_WARNING")).isEqualTo(2);
		assertThat(subjects).filteredOn(o -> "SERVING".equals(o.get("status"))).hasSize(9);
		assertThat(subjects).filteredOn(o -> "FORMER".equals(o.get("status"))).hasSize(1);
	}

	@Test
	void nineLinkedInvestigationsUnderOneOperationAndFifteenRecommendations() {
		var operation = graphQl.documentName("operation").execute();
		operation.path("operations.totalCount").entity(Integer.class).isEqualTo(1);
		operation.path("operations.nodes[0].name").entity(String.class).isEqualTo("Operation Hotton");
		operation.path("operations.nodes[0].conductedBy.shortName").entity(String.class).isEqualTo("IOPC");
		operation.path("operations.nodes[0].investigations[*].reference")
			.entityList(String.class)
			.containsExactly("Hotton 1", "Hotton 2", "Hotton 3", "Hotton 4", "Hotton 5", "Hotton 6", "Hotton 7",
					"Hotton 8", "Hotton 9");
		operation.path("operations.nodes[0].investigations[*].mode")
			.entityList(String.class)
			.hasSize(9)
			.contains("INDEPENDENT");
		operation.path("operations.nodes[0].investigations[0].links[*].reason")
			.entityList(String.class)
			.contains("SHARED_SUBJECT");
		operation.path("operations.nodes[0].recommendations[*].number").entityList(Integer.class).hasSize(15);
		operation.path("operations.nodes[0].recommendations[*].response.accepted")
			.entityList(Boolean.class)
			.hasSize(15)
			.satisfies(accepted -> assertThat(accepted).containsOnly(true));
		operation.path("operations.nodes[0].recommendations[*].disclosed")
			.entityList(Boolean.class)
			.satisfies(disclosed -> assertThat(disclosed).filteredOn(Boolean::booleanValue).hasSize(3));
	}

	@Test
	void eachSourcesCountOfOfficersInvestigatedIsKeptWithItsDate() {
		var operation = graphQl.documentName("operation").execute();
		operation.path("operations.nodes[0].claims[*].source.label")
			.entityList(String.class)
			.containsExactly("S2", "S1", "S3", "S4", "S5");
		operation.path("operations.nodes[0].claims[*].value")
			.entityList(Integer.class)
			.containsExactly(10, 12, 12, 14, 14);
		operation.path("operations.nodes[0].claims[*].qualifier")
			.entityList(String.class)
			.containsExactly("at least", "exactly", "exactly", "exactly", "exactly");
		operation.path("operations.nodes[0].claims[*].asOf")
			.entityList(String.class)
			.containsExactly("2019-04-01", "2019-04-30", "2019-05-01", "2022-02-01", "2022-02-01");
	}

	@Test
	void fiveSourcesAndBothStations() {
		graphQl.document("{ sources { totalCount nodes { label } } }")
			.execute()
			.path("sources.nodes[*].label")
			.entityList(String.class)
			.containsExactly("S1", "S2", "S3", "S4", "S5");
		graphQl.document("{ stations(orderBy: {field: NAME}) { nodes { name borough { name } } } }")
			.execute()
			.path("stations.nodes[*].name")
			.entityList(String.class)
			.containsExactly("Charing Cross police station", "West End Central police station");
	}

	@Test
	void aFewThousandMessagesWithAFlaggedMinority() {
		try (var session = driver.session()) {
			var row = session.run("""
					MATCH (m:Message)
					RETURN count(m) AS total, count(CASE WHEN m.flagged THEN 1 END) AS flagged,
					       min(m.sentAt).year AS firstYear, max(m.sentAt).year AS lastYear
					""").single();
			long total = row.get("total").asLong();
			assertThat(total).isBetween(2_000L, 6_000L);
			assertThat(row.get("flagged").asLong() * 100 / total).isBetween(5L, 30L);
			assertThat(row.get("firstYear").asInt()).isEqualTo(2015);
			assertThat(row.get("lastYear").asInt()).isEqualTo(2018);
		}
	}

	@Test
	void everyNodeSaysWhetherItIsSyntheticAndEveryPublicFactCitesASource() {
		try (var session = driver.session()) {
			long unmarked = session.run("MATCH (n:Entity) WHERE n.synthetic IS NULL RETURN count(n) AS n")
				.single()
				.get("n")
				.asLong();
			List<String> uncited = session.run("""
					MATCH (n:Entity {synthetic: false})
					WHERE NOT n:Source AND NOT (n)-[:CITES|STATED_BY]->(:Source)
					RETURN n.id AS id
					""").list(r -> r.get("id").asString());
			long syntheticOfficers = session.run("MATCH (o:Officer {synthetic: true}) RETURN count(o) AS n")
				.single()
				.get("n")
				.asLong();
			assertThat(unmarked).isZero();
			assertThat(uncited).isEmpty();
			assertThat(syntheticOfficers).isGreaterThanOrEqualTo(50);
		}
	}

	@Test
	void loadingTheReferenceCaseAgainChangesNothing() {
		var before = graphCounts();
		seeder.write(SyntheticCase.generate(settings.syntheticSeed()));
		contacts.countPending();
		assertThat(graphCounts()).isEqualTo(before);
	}

	@Test
	void theWhoMessagedWhomAggregateMatchesTheMessages() {
		var report = contacts.check();
		assertThat(report.passed()).as(report.toString()).isTrue();
		assertThat(report.pairs()).isGreaterThan(500);
		try (var session = driver.session()) {
			var row = session.run("""
					MATCH (:Person)-[c:CONTACTED]->(:Person)
					RETURN sum(c.count) AS contacts, sum(c.directCount) AS direct, sum(c.groupCount) AS group
					""").single();
			long direct = session.run("MATCH (a)-[:SENT]->(m:Message)-[:TO]->(b) WHERE a <> b RETURN count(m) AS n")
				.single()
				.get("n")
				.asLong();
			assertThat(row.get("direct").asLong()).isEqualTo(direct);
			assertThat(row.get("contacts").asLong()).isEqualTo(row.get("direct").asLong() + row.get("group").asLong());
		}
	}

	private Map<String, Object> graphCounts() {
		try (var session = driver.session()) {
			return session.run("""
					MATCH (n) WITH count(n) AS nodes
					MATCH ()-[r]->() WITH nodes, count(r) AS relationships
					MATCH ()-[c:CONTACTED]->() WITH nodes, relationships, sum(c.count) AS contacts
					MATCH (m:Message) WITH nodes, relationships, contacts, collect(m.body)[0..50] AS sample
					RETURN nodes, relationships, contacts, sample
					""").single().asMap();
		}
	}

	private List<Map<String, Object>> subjects() {
		return graphQl.documentName("subjects")
			.execute()
			.path("officers.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static boolean reportedBy(Map<String, Object> officer, LocalDate day) {
		return ((List<Map<String, Object>>) officer.get("allegations")).stream()
			.anyMatch(a -> !LocalDate.parse((String) a.get("reported")).isAfter(day));
	}

	private static Map<String, Long> statusCountsOn(List<Map<String, Object>> officers, LocalDate day) {
		return officers.stream()
			.collect(java.util.stream.Collectors.groupingBy(o -> statusOn(o, day),
					java.util.stream.Collectors.counting()));
	}

	@SuppressWarnings("unchecked")
	private static String statusOn(Map<String, Object> officer, LocalDate day) {
		return ((List<Map<String, Object>>) officer.get("statuses")).stream()
			.filter(s -> !LocalDate.parse((String) s.get("from")).isAfter(day))
			.filter(s -> s.get("to") == null || !LocalDate.parse((String) s.get("to")).isBefore(day))
			.map(s -> (String) s.get("status"))
			.findFirst()
			.orElse("NOT_YET_SERVING");
	}

	@SuppressWarnings("unchecked")
	private static long countWithOutcome(List<Map<String, Object>> officers, String kind) {
		return officers.stream()
			.filter(o -> ((List<Map<String, Object>>) o.get("outcomes")).stream()
				.anyMatch(x -> kind.equals(x.get("kind"))))
			.count();
	}

}
