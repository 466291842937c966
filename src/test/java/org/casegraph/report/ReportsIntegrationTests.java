package org.casegraph.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.cli.CommandLineInterface;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every report on the reference case, through GraphQL and the command line, with its
 * values checked against the same figures worked out from the graph here.
 */
class ReportsIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Autowired
	ReportRunner runner;

	@Autowired
	ReportCatalog catalog;

	@Autowired
	Neo4jConnectionDetails database;

	@LocalServerPort
	int port;

	@Test
	void theReportsAreListedWithTheirParametersAndColumns() {
		var reports = graphQl.document(
				"{ reports { name title parameters { name type required default } columns { name } usesGraphDataScience } }")
			.execute();
		List<String> names = reports.path("reports[*].name").entityList(String.class).get();
		assertThat(names).hasSizeGreaterThanOrEqualTo(12)
			.contains("top-contacts", "contact-matrix", "cross-unit-share", "flagged-share-by-officer",
					"flagged-share-by-unit", "flagged-share-by-month", "allegation-categories-by-unit-month",
					"multi-unit-allegations", "first-last-contact", "deleted-recovered-per-officer",
					"investigations-sharing-subjects", "outcomes-by-rank-and-category", "centrality",
					"communities-vs-units");
		assertThat(
				reports.path("reports[?(@.name == 'top-contacts')].parameters[*].name").entityList(String.class).get())
			.containsExactly("person", "limit");
		assertThat(
				reports.path("reports[?(@.name == 'centrality')].usesGraphDataScience").entityList(Boolean.class).get())
			.containsExactly(true);
	}

	@Test
	void topContactsAddsBothDirectionsOfTheAggregate() {
		List<List<Object>> rows = rows("top-contacts", Map.of("person", "officer:a", "limit", 3));
		assertThat(rows).hasSize(3);
		for (List<Object> row : rows) {
			long sent = single(
					"MATCH (:Person {id: 'officer:a'})-[c:CONTACTED]->(:Person {id: $b}) RETURN c.count AS n",
					Map.of("b", row.get(0)));
			long received = single(
					"MATCH (:Person {id: $b})-[c:CONTACTED]->(:Person {id: 'officer:a'}) RETURN c.count AS n",
					Map.of("b", row.get(0)));
			assertThat(row.subList(2, 5)).containsExactly(sent, received, sent + received);
		}
		assertThat(rows).extracting(row -> (Long) row.get(4)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void theContactMatrixAndCrossUnitShareAccountForEveryMessageBetweenMembers() {
		List<List<Object>> matrix = rows("contact-matrix", Map.of());
		List<List<Object>> shares = rows("cross-unit-share", Map.of());
		long all = single("""
				MATCH (a:Person)-[c:CONTACTED]->(b:Person)
				WHERE EXISTS { (a)-[:HAS_MEMBERSHIP]->() } AND EXISTS { (b)-[:HAS_MEMBERSHIP]->() }
				RETURN sum(c.count) AS n
				""", Map.of());
		assertThat(matrix.stream().mapToLong(row -> (Long) row.get(2)).sum()).isLessThanOrEqualTo(all)
			.isGreaterThan(all * 9 / 10);
		assertThat(matrix.getFirst()).containsExactly("Impact team", "Impact team", matrix.getFirst().get(2));
		for (List<Object> share : shares) {
			long sent = matrix.stream()
				.filter(row -> row.get(0).equals(share.get(0)))
				.mapToLong(row -> (Long) row.get(2))
				.sum();
			long cross = matrix.stream()
				.filter(row -> row.get(0).equals(share.get(0)) && !row.get(1).equals(share.get(0)))
				.mapToLong(row -> (Long) row.get(2))
				.sum();
			assertThat(share.subList(1, 3)).containsExactly(sent, cross);
		}
	}

	@Test
	void flaggedSharesCountTheFlaggedMessages() {
		List<List<Object>> byMonth = rows("flagged-share-by-month", Map.of());
		List<List<Object>> byOfficer = rows("flagged-share-by-officer", Map.of("limit", 1000));
		List<List<Object>> byUnit = rows("flagged-share-by-unit", Map.of());
		long messages = single("MATCH (m:Message) WHERE m.sentAt IS NOT NULL RETURN count(m) AS n", Map.of());
		long flagged = single("MATCH (m:Message {flagged: true}) RETURN count(m) AS n", Map.of());
		long flaggedByOfficers = single("MATCH (:Officer)-[:SENT]->(m:Message {flagged: true}) RETURN count(m) AS n",
				Map.of());

		assertThat(byMonth.stream().mapToLong(row -> (Long) row.get(1)).sum()).isEqualTo(messages);
		assertThat(byMonth.stream().mapToLong(row -> (Long) row.get(2)).sum()).isEqualTo(flagged);
		assertThat(byMonth.getFirst().get(0)).isEqualTo("2015-01");
		assertThat(byOfficer.stream().mapToLong(row -> (Long) row.get(3)).sum()).isEqualTo(flaggedByOfficers);
		assertThat(byUnit).extracting(row -> row.get(0))
			.containsExactlyInAnyOrder("Impact team", "West End Central Response Team", "Charing Cross Response Team");
		assertThat(byUnit.getFirst().get(0)).isEqualTo("Impact team");
	}

	@Test
	void allegationReportsPlaceEachAllegationInItsUnit() {
		List<List<Object>> categories = rows("allegation-categories-by-unit-month", Map.of());
		assertThat(categories.stream().mapToLong(row -> (Long) row.get(3)).sum()).isEqualTo(27);
		assertThat(categories.getFirst()).containsExactly("Charing Cross Response Team", "2015-11",
				"DISCRIMINATORY_LANGUAGE", 1L, 1L);
		assertThat(categories.get(1)).containsExactly("Impact team", "2016-02", "SEXUAL_MISCONDUCT", 1L, 1L);
		assertThat(categories).anySatisfy(row -> assertThat(row).containsExactly("West End Central Response Team",
				"2018-04", "CONTROLLED_SUBSTANCES", 1L, 1L));
		// Officer H's first allegation was recorded in CX Response, before his move to
		// the
		// Impact team in 2016, the other in the Impact team. Officer G's two were
		// recorded
		// while in, and after leaving, the same team, so G is not listed.
		assertThat(rows("multi-unit-allegations", Map.of())).containsExactly(
				List.of("officer:h", "Officer H", List.of("Charing Cross Response Team", "Impact team"), 2L));
	}

	@Test
	void firstAndLastContactReadsBothWays() {
		List<List<Object>> rows = rows("first-last-contact", Map.of("a", "officer:a", "b", "officer:g"));
		Map<String, Object> expected = driver
			.executableQuery(
					"""
							MATCH (:Person {id: 'officer:a'})-[:SENT]->(m:Message)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(:Person {id: 'officer:g'})
							WHERE (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
							RETURN count(m) AS messages, toString(min(m.sentAt)) AS first, toString(max(m.sentAt)) AS last
							""")
			.execute()
			.records()
			.getFirst()
			.asMap();
		assertThat(rows).hasSize(2);
		assertThat(rows.getFirst().subList(0, 5)).containsExactly("officer:a", "officer:g", expected.get("messages"),
				expected.get("first"), expected.get("last"));
	}

	@Test
	void deletedAndRecoveredMessagesAreCountedPerOfficer() {
		List<List<Object>> rows = rows("deleted-recovered-per-officer", Map.of());
		long deleted = single("MATCH (:Officer)-[:SENT]->(m:Message {deletedRecovered: true}) RETURN count(m) AS n",
				Map.of());
		assertThat(rows.stream().mapToLong(row -> (Long) row.get(3)).sum()).isEqualTo(deleted).isPositive();
	}

	@Test
	void investigationsSharingSubjectsAndOutcomesByRank() {
		List<List<Object>> shared = rows("investigations-sharing-subjects", Map.of());
		assertThat(shared).contains(List.of("Hotton 1", "Hotton 2", 1L, List.of("Officer A")));
		List<List<Object>> outcomes = rows("outcomes-by-rank-and-category", Map.of());
		assertThat(outcomes).contains(List.of("PC", "DISMISSAL_GROSS_MISCONDUCT", 1L, List.of("Officer A")));
		assertThat(outcomes)
			.anySatisfy(row -> assertThat(row.subList(0, 3)).containsExactly("PC", "FINAL_WRITTEN_WARNING", 2L));
		assertThat(outcomes.stream().mapToLong(row -> (Long) row.get(2)).sum())
			.isEqualTo(single("MATCH (o:Outcome)-[:FOR]->() RETURN count(o) AS n", Map.of()));
	}

	@Test
	void centralityComesFromGraphDataScienceOnAProjectionItDrops() {
		List<List<Object>> rows = rows("centrality", Map.of("limit", 100));
		for (List<Object> row : rows.subList(0, 5)) {
			long contacts = single("""
					MATCH (p:Person {id: $id})-[:CONTACTED]-(other) RETURN count(DISTINCT other) AS n
					""", Map.of("id", row.get(0)));
			long pairs = single("MATCH (p:Person {id: $id})-[c:CONTACTED]-() RETURN count(c) AS n",
					Map.of("id", row.get(0)));
			assertThat((Long) row.get(2)).isEqualTo(pairs).isGreaterThanOrEqualTo(contacts);
		}
		assertThat(rows).extracting(row -> ((Number) row.get(3)).doubleValue())
			.isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(single("CALL gds.graph.list() YIELD graphName RETURN count(*) AS n", Map.of())).isZero();
	}

	@Test
	void communitiesAreScoredAgainstUnits() {
		var result = graphQl.mutate()
			.responseTimeout(java.time.Duration.ofSeconds(120))
			.build()
			.document(
					"{ runReport(name: \"communities-vs-units\", params: {onlyDiffering: false}) { columns rows summary } }")
			.execute();
		Map<String, Object> summary = result.path("runReport.summary").entity(Map.class).get();
		List<List<Object>> rows = result.path("runReport.rows").entity(List.class).get();
		assertThat(((Number) summary.get("nmi")).doubleValue()).isBetween(0.0, 1.0).isPositive();
		assertThat(rows).hasSize(((Number) summary.get("people")).intValue());
		assertThat(rows).allSatisfy(row -> assertThat(row.get(5)).isEqualTo(!row.get(2).equals(row.get(4))));
	}

	@Test
	void aMissingOrWronglyTypedParameterIsNamed() {
		assertThat(reportError("top-contacts", "{limit: 3}"))
			.isEqualTo("Report 'top-contacts': parameter 'person' (String) is required");
		assertThat(reportError("top-contacts", "{person: \"officer:a\", limit: \"ten\"}"))
			.isEqualTo("Report 'top-contacts': parameter 'limit' must be a Integer, not 'ten'");
		assertThat(reportError("top-contacts", "{person: \"officer:a\", limt: 3}"))
			.isEqualTo("Report 'top-contacts' has no parameter 'limt'; it takes: person, limit");
		assertThat(reportError("no-such-report", "{}")).startsWith("Unknown report 'no-such-report'");
	}

	@Test
	void aReportThatWritesIsRefusedAndChangesNothing() {
		Report writer = ReportFile.parse("test/writes.cypher", """
				// name: writes
				// title: Tries to write
				// column: n Nodes
				CREATE (x:Entity {id: 'written-by-a-report'}) RETURN count(x) AS n
				""");
		long before = single("MATCH (n) RETURN count(n) AS n", Map.of());
		assertThatThrownBy(() -> runner.run(writer, Map.of())).isInstanceOf(ReportException.class)
			.hasMessageContaining("tried to write")
			.hasMessageContaining("nothing was changed");
		assertThat(single("MATCH (n) RETURN count(n) AS n", Map.of())).isEqualTo(before);
		assertThat(single("MATCH (n {id: 'written-by-a-report'}) RETURN count(n) AS n", Map.of())).isZero();
	}

	@Test
	void aReportDownloadsAsCsv() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/reports/top-contacts.csv?person=officer:a&limit=2"))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> csv = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(csv.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
			List<String> lines = csv.body().lines().toList();
			assertThat(lines).hasSize(3);
			assertThat(lines.getFirst()).isEqualTo("contact,name,sent,received,total,first,last");
			HttpResponse<String> bad = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reports/top-contacts.csv?limit=2"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(bad.statusCode()).isEqualTo(400);
			assertThat(bad.body()).contains("parameter 'person' (String) is required");
		}
	}

	/** The required parameters of the reports that have some. */
	private static final Map<String, Map<String, String>> REQUIRED = Map.of("top-contacts",
			Map.of("person", "officer:a"), "first-last-contact", Map.of("a", "officer:a", "b", "officer:g"),
			"term-flags", Map.of("list", "reference-case"));

	@Test
	void everyReportRunsFromTheCommandLineAndMatchesTheApi() {
		String uri = database.getUri().toString();
		for (Report report : catalog.all()) {
			List<String> args = new ArrayList<>(List.of("report", report.name(), "--mode", "external", "--uri", uri,
					"--password", "casegraph-local", "--format", "json"));
			Map<String, String> params = REQUIRED.getOrDefault(report.name(), Map.of());
			params.forEach((name, value) -> args.addAll(List.of("--param", name + "=" + value)));
			String printed = capture(() -> assertThat(CommandLineInterface.run(args.toArray(String[]::new))).isZero());
			ReportResult api = runner.runWithText(report.name(), params);
			assertThat(printed).as(report.name()).contains(ReportFormat.JSON.write(api));
			if (!List.of("communities-vs-units").contains(report.name())) {
				assertThat(api.rows()).as(report.name() + " rows").isNotEmpty();
			}
		}
	}

	private static String capture(Runnable run) {
		PrintStream original = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			run.run();
		}
		finally {
			System.setOut(original);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private List<List<Object>> rows(String name, Map<String, Object> params) {
		return runner.runWithJson(name, params).rows();
	}

	private String reportError(String name, String params) {
		List<ResponseError> errors = new ArrayList<>();
		graphQl.document("{ runReport(name: \"" + name + "\", params: " + params + ") { rows } }")
			.execute()
			.errors()
			.satisfy(errors::addAll);
		assertThat(errors).hasSize(1);
		assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
		return errors.getFirst().getMessage();
	}

	private long single(String cypher, Map<String, Object> parameters) {
		return driver.executableQuery(cypher)
			.withParameters(parameters)
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

}
