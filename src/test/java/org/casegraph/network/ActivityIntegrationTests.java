package org.casegraph.network;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code activity} and the {@code activity-matrix} report on the reference case, cell by
 * cell against the Message nodes read independently (their times turned into London
 * weekdays and hours by Neo4j's own time zone support).
 */
class ActivityIntegrationTests extends EmbeddedGraphTests {

	/**
	 * The Impact team's messages by London weekday and hour, members on the day (London).
	 */
	private static final String FROM_MESSAGES = """
			MATCH (:Unit {id: 'unit:impact'})<-[:IN_UNIT]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(:Person)-[:SENT]->(m:Message)
			WITH m, ms, datetime({datetime: m.sentAt, timezone: 'Europe/London'}) AS local
			WHERE date($from) <= date(local) <= date($to)
			  AND (ms.from IS NULL OR ms.from <= date(local)) AND (ms.to IS NULL OR date(local) <= ms.to)
			WITH DISTINCT m, local
			RETURN local.dayOfWeek AS dayOfWeek, local.hour AS hour, count(m) AS messages,
			       count(CASE WHEN m.flagged THEN m END) AS flagged
			""";

	private static final String ACTIVITY = """
			query($flaggedOnly: Boolean!, $zone: String!) {
			  activity(scope: {unitIds: ["unit:impact"]}, from: "2016-01-01", to: "2016-12-31", zone: $zone,
			           flaggedOnly: $flaggedOnly) {
			    zone messages flagged
			    cells { dayOfWeek hour messages flagged }
			    months { month messages flagged }
			  }
			}
			""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@LocalServerPort
	int port;

	@Test
	void theImpactTeamsActivityMatrixIsItsMembersMessagesByLondonWeekdayAndHour() {
		Map<String, long[]> expected = fromMessages("2016-01-01", "2016-12-31");
		long total = expected.values().stream().mapToLong(counts -> counts[0]).sum();
		long flagged = expected.values().stream().mapToLong(counts -> counts[1]).sum();
		assertThat(total).isGreaterThan(500);
		assertThat(flagged).isGreaterThan(10);

		Map<String, Object> activity = activity(false, "Europe/London");
		assertThat(number(activity, "messages")).isEqualTo(total);
		assertThat(number(activity, "flagged")).isEqualTo(flagged);
		List<Map<String, Object>> cells = list(activity, "cells");
		assertThat(cells).hasSize(7 * 24);
		for (Map<String, Object> cell : cells) {
			long[] want = expected.getOrDefault(cell.get("dayOfWeek") + ":" + cell.get("hour"), new long[2]);
			assertThat(new long[] { number(cell, "messages"), number(cell, "flagged") }).as("cell %s", cell)
				.containsExactly(want);
		}
		assertThat(list(activity, "months")).hasSize(12)
			.allSatisfy(month -> assertThat((String) month.get("month")).startsWith("2016-"));
		assertThat(list(activity, "months").stream().mapToLong(month -> number(month, "messages")).sum())
			.isEqualTo(total);
	}

	@Test
	void theMatrixShowsTheNightAndWeekendRhythmTheSyntheticMessagesHave() {
		List<Map<String, Object>> cells = list(activity(false, "Europe/London"), "cells");
		long night = cells.stream()
			.filter(cell -> number(cell, "hour") >= 20 || number(cell, "hour") < 5)
			.mapToLong(cell -> number(cell, "messages"))
			.sum();
		long all = cells.stream().mapToLong(cell -> number(cell, "messages")).sum();
		assertThat((double) night / all).as("share sent 20:00 to 04:59").isGreaterThan(0.6);
		double weekendPerDay = perDay(cells, 5, 7);
		double weekdayPerDay = perDay(cells, 1, 4);
		assertThat(weekendPerDay).as("Friday to Sunday against Monday to Thursday").isGreaterThan(1.4 * weekdayPerDay);
	}

	@Test
	void aFlaggedOnlyMatrixSumsToTheFlaggedCount() {
		Map<String, Object> activity = activity(true, "Europe/London");
		long cellsSum = list(activity, "cells").stream().mapToLong(cell -> number(cell, "messages")).sum();
		assertThat(cellsSum).isEqualTo(number(activity, "flagged")).isEqualTo(number(activity, "messages"));
		long flagged = fromMessages("2016-01-01", "2016-12-31").values().stream().mapToLong(c -> c[1]).sum();
		assertThat(cellsSum).isEqualTo(flagged);
	}

	@Test
	void anotherZoneShiftsTheHours() {
		List<Map<String, Object>> london = list(activity(false, "Europe/London"), "cells");
		List<Map<String, Object>> utc = list(activity(false, "UTC"), "cells");
		assertThat(london).isNotEqualTo(utc);
		assertThat(utc.stream().mapToLong(cell -> number(cell, "messages")).sum())
			.isEqualTo(london.stream().mapToLong(cell -> number(cell, "messages")).sum());
	}

	@Test
	void theReportAndItsCsvDownloadGiveTheSameNumbers() throws Exception {
		List<Map<String, Object>> cells = list(activity(false, "Europe/London"), "cells");
		List<List<Object>> rows = graphQl
			.document(
					"""
							{ runReport(name: "activity-matrix", params: {unit: "unit:impact", from: "2016-01-01", to: "2016-12-31"}) { rows } }
							""")
			.execute()
			.path("runReport.rows")
			.entity(List.class)
			.get();
		assertThat(rows).hasSize(cells.size());
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> cell = cells.get(i);
			assertThat(rows.get(i).stream().map(v -> ((Number) v).longValue()).toList()).containsExactly(
					number(cell, "dayOfWeek"), number(cell, "hour"), number(cell, "messages"), number(cell, "flagged"));
		}
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port
					+ "/reports/activity-matrix.csv?unit=unit:impact&from=2016-01-01&to=2016-12-31&zone=Europe/London"))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> csv = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			List<String> lines = csv.body().lines().toList();
			assertThat(lines.getFirst()).isEqualTo("dayOfWeek,hour,messages,flagged");
			assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(cells.stream()
				.map(cell -> cell.get("dayOfWeek") + "," + cell.get("hour") + "," + cell.get("messages") + ","
						+ cell.get("flagged"))
				.toList());
		}
	}

	@Test
	void everyonesActivityIsEveryTimedMessage() {
		long timed = driver.session()
			.run("MATCH (m:Message) WHERE m.sentAt IS NOT NULL RETURN count(m) AS n")
			.single()
			.get("n")
			.asLong();
		Number messages = graphQl.document("{ activity(scope: {all: true}) { messages } }")
			.execute()
			.path("activity.messages")
			.entity(Number.class)
			.get();
		assertThat(messages.longValue()).isEqualTo(timed);
	}

	@Test
	void aZoneThatIsNotWholeHoursOffUtcOrUnknownIsRefusedNamingTheArgument() {
		graphQl.document("{ activity(scope: {all: true}, zone: \"Asia/Kolkata\") { messages } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(
						error -> assertThat(error.getMessage()).startsWith("Argument 'zone': Asia/Kolkata is +05:30")));
		graphQl.document("{ activity(scope: {all: true}, zone: \"Mars/Olympus\") { messages } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).isEqualTo(
						"Argument 'zone': 'Mars/Olympus' is not a time zone; name one such as Europe/London or UTC")));
	}

	private Map<String, long[]> fromMessages(String from, String to) {
		Map<String, long[]> cells = new HashMap<>();
		try (var session = driver.session()) {
			for (Record row : session.run(FROM_MESSAGES, Map.of("from", from, "to", to)).list()) {
				cells.put(row.get("dayOfWeek").asInt() + ":" + row.get("hour").asInt(),
						new long[] { row.get("messages").asLong(), row.get("flagged").asLong() });
			}
		}
		return cells;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> activity(boolean flaggedOnly, String zone) {
		return graphQl.document(ACTIVITY)
			.variable("flaggedOnly", flaggedOnly)
			.variable("zone", zone)
			.execute()
			.path("activity")
			.entity(Map.class)
			.get();
	}

	private static double perDay(List<Map<String, Object>> cells, int firstDay, int lastDay) {
		long messages = cells.stream()
			.filter(cell -> number(cell, "dayOfWeek") >= firstDay && number(cell, "dayOfWeek") <= lastDay)
			.mapToLong(cell -> number(cell, "messages"))
			.sum();
		return (double) messages / (lastDay - firstDay + 1);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private static long number(Map<String, Object> map, String key) {
		return ((Number) map.get(key)).longValue();
	}

}
