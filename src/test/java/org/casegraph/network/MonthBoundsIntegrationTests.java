package org.casegraph.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.ImportIntegrationTests;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.network.ContactNetwork.PairCount;
import org.casegraph.network.ContactNetwork.Window;
import org.casegraph.report.ReportRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate keeps each month's first and last message as numbers (milliseconds and
 * the offset): a message just after midnight in its own offset, one before 1970 and one
 * with a part of a millisecond still count on their own day, and a window that ends
 * within that millisecond still cuts the month.
 */
class MonthBoundsIntegrationTests extends ImportIntegrationTests {

	/** The day before in UTC: on its own day the two were in the second unit. */
	private static final String AFTER_MIDNIGHT = "2016-02-01T00:30:00.000500+01:00";

	/** The day after in UTC. */
	private static final String BEFORE_1970 = "1969-07-20T20:17:40-04:00";

	@Autowired
	ReportRunner reports;

	@Autowired
	ReadOnlyCypher cypher;

	@Autowired
	Scopes scopes;

	@Autowired
	ContactNetwork network;

	@BeforeEach
	void importTwoMessages() throws IOException {
		Path bundle = Files.createTempDirectory(temp, "bundle");
		Files.writeString(bundle.resolve("people.csv"), "id,name\nmb:a,A\nmb:b,B\n");
		Files.writeString(bundle.resolve("units.csv"), "id,name\nmb:u1,Bounds unit one\nmb:u2,Bounds unit two\n");
		Files.writeString(bundle.resolve("memberships.csv"), """
				person,unit,from,to
				mb:a,mb:u1,1960-01-01,2016-01-31
				mb:b,mb:u1,1960-01-01,2016-01-31
				mb:a,mb:u2,2016-02-01,
				mb:b,mb:u2,2016-02-01,
				""");
		Files.writeString(bundle.resolve("messages.csv"), "id,sender,sentAt,channel\nmb:m1,mb:a," + AFTER_MIDNIGHT
				+ ",DIRECT\nmb:m2,mb:a," + BEFORE_1970 + ",DIRECT\n");
		Files.writeString(bundle.resolve("message_recipients.csv"), "message,recipient\nmb:m1,mb:b\nmb:m2,mb:b\n");
		importer.run(CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000)), quiet());
	}

	@Test
	void theAggregateKeepsEachMonthsBoundsAsNumbersAndChecksWhole() {
		List<Object> firsts = cypher
			.list("MATCH (:Person {id: 'mb:a'})-[c:CONTACTED]->(:Person {id: 'mb:b'}) "
					+ "RETURN c.monthFirst AS firsts", Map.of(), record -> record.get("firsts").asList())
			.getFirst();

		assertThat(firsts).hasSize(2).allSatisfy(first -> assertThat(first).isInstanceOf(Long.class));
		assertTheAggregateMatchesTheMessages();
	}

	@Test
	void aMonthCountsForTheUnitsOfItsFirstMessagesOwnDay() {
		assertThat(matrix("2016-02-01")).containsExactly(List.of("Bounds unit two", "Bounds unit two", 1L));
		assertThat(matrix("2016-01-31")).isEmpty();
		assertThat(matrix("1969-07-20")).containsExactly(List.of("Bounds unit one", "Bounds unit one", 1L));
		assertThat(matrix("1969-07-21")).isEmpty();
	}

	@Test
	void aWindowEndingWithinTheMillisecondOfAMessageLeavesItOut() {
		OffsetDateTime justBefore = OffsetDateTime.parse(AFTER_MIDNIGHT).minusNanos(100_000);

		assertThat(messages(new Window(null, justBefore))).isEqualTo(1);
		assertThat(messages(new Window(justBefore, null))).isEqualTo(1);
		assertThat(messages(new Window(null, justBefore.plusNanos(100_000)))).isEqualTo(2);
		assertThat(messages(Window.ALL)).isEqualTo(2);
	}

	private List<List<Object>> matrix(String day) {
		return reports.runWithJson("contact-matrix", Map.of("from", day, "to", day))
			.rows()
			.stream()
			.filter(row -> row.get(0).toString().startsWith("Bounds unit"))
			.toList();
	}

	private long messages(Window window) {
		return cypher.read(statements -> {
			Scopes.Scope scope = scopes
				.resolve(statements, "scope",
						new ScopeInput(List.of("mb:a", "mb:b"), List.of(), List.of(), List.of(), false))
				.during(window.firstDay(), window.lastDay());
			return network.contacts(statements, scope, window, false, true)
				.pairs()
				.stream()
				.mapToLong(PairCount::count)
				.sum();
		});
	}

}
