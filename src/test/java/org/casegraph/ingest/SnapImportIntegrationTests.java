package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.read.SnapReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * email-Eu-core, the real network the project carries, imported exactly as it is (CRLF,
 * no final newline).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapImportIntegrationTests extends ImportIntegrationTests {

	@Test
	@Order(1)
	void importsEmailEuCoreExactlyAsItIs() {
		Importer.Result result = importer.run(EmailEuCore.plan(), quiet());
		// Other test classes share this database and may have imported the same network
		// first: each record is
		// then found unchanged rather than created, never changed or refused.
		Map<String, Long> written = Map.of("Person", 1005L, "Unit", 42L, "Message", 25_571L, "TO", 25_571L);
		written.forEach((kind, rows) -> assertThat(result.counts().byKind().get(kind)).as(kind)
			.satisfies(count -> assertThat(count.created() + count.unchanged()).isEqualTo(rows))
			.satisfies(count -> assertThat(count.updated() + count.rejected()).isZero()));
		assertThat(EmailEuCore.plan().notes().getFirst()).contains("642 self-loops");
		Map<String, Object> graph = graph();
		assertThat(graph).containsEntry("people", 1005L)
			.containsEntry("units", 42L)
			.containsEntry("members", 1005L)
			.containsEntry("links", 25_571L)
			.containsEntry("selfLoops", 642L)
			.containsEntry("pairs", 24_929L);
		assertThat((List<Object>) graph.get("sampleUnits")).contains("Department 4");
		assertTheAggregateMatchesTheMessages();
	}

	@Test
	@Order(2)
	void importingAgainChangesNothing() {
		Map<String, Object> before = graph();
		Importer.Result again = importer.run(EmailEuCore.plan(), quiet());
		assertThat(again.counts().created()).isZero();
		assertThat(again.counts().updated()).isZero();
		assertThat(again.contactsCounted()).isZero();
		assertThat(graph()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void skipInvalidWritesTheValidLinesAndListsTheRest() throws IOException {
		Path edges = write("mixed.txt", "1 2 1500000000\n3 4 5 6\n1 3 1500000060\n");
		ImportPlan plan = SnapReader.read(new SnapReader.Settings(edges, null, "Unit ", "mixed", false, true, 10));
		Importer.Result result = importer.run(plan, quiet());
		assertThat(result.counts().byKind()).containsEntry("Message", new WriteCounts.Count(2, 0, 0, 0))
			.containsEntry("(invalid lines)", new WriteCounts.Count(0, 0, 0, 1));
		assertThat(plan.notes()).anyMatch(note -> note.contains("mixed.txt:2: expected SENDER RECIPIENT"));
	}

	@Test
	@Order(5)
	void anInterruptedImportResumesAfterItsLastBatchAndEndsAsACleanOneWould() throws IOException {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			lines.append("p")
				.append(i % 17)
				.append(' ')
				.append("p")
				.append((i * 7) % 13)
				.append(' ')
				.append(1_500_000_000L + i * 3600L)
				.append('\n');
		}
		Path edges = write("resume.txt", lines.toString());
		ImportPlan plan = SnapReader.read(new SnapReader.Settings(edges, null, "Unit ", "resume", true, false, 10));
		ImportPlan crashing = new ImportPlan(plan.name(), plan.fingerprint(), withBrokenBatch(plan, 5), plan.rejected(),
				plan.notes());

		assertThatThrownBy(() -> importer.run(crashing, quiet())).isInstanceOf(IllegalStateException.class);
		assertThat(messages("resume")).isEqualTo(40);

		Importer.Result resumed = importer.run(plan, quiet());
		assertThat(resumed.resumedAfter()).isEqualTo(5);
		assertThat(messages("resume")).isEqualTo(100);
		assertTheAggregateMatchesTheMessages();
		assertThat(importer.run(plan, quiet()).counts().created()).isZero();
	}

	/**
	 * The plan with batch {@code index} replaced by one that fails when written (a link
	 * to a missing person).
	 */
	private static List<GraphBatch> withBrokenBatch(ImportPlan plan, int index) {
		GraphBatch broken = new GraphBatch();
		broken.node("message:broken", List.of("Message"), Map.of("channel", "EMAIL"));
		broken.relationship("person:nobody", "SENT", "message:broken");
		List<GraphBatch> batches = new java.util.ArrayList<>(plan.batches().stream().toList());
		batches.set(index, broken);
		return batches;
	}

	private long messages(String dataset) {
		return driver.executableQuery("MATCH (m:Message {dataset: $d}) RETURN count(m) AS n")
			.withParameters(Map.of("d", dataset))
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(temp.resolve(name), text);
	}

	private Map<String, Object> graph() {
		return driver.executableQuery("""
				MATCH (p:Person {dataset: 'email-Eu-core'}) WITH count(p) AS people
				MATCH (u:Unit {dataset: 'email-Eu-core'}) WITH people, count(u) AS units, collect(u.name) AS names
				MATCH (:Person {dataset: 'email-Eu-core'})-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_UNIT]->(:Unit)
				WITH people, units, names, count(*) AS members
				MATCH (a)-[:SENT]->(m:Message {dataset: 'email-Eu-core'})-[:TO]->(b)
				WITH people, units, names, members, count(m) AS links, count(CASE WHEN a = b THEN 1 END) AS selfLoops
				MATCH (:Person {dataset: 'email-Eu-core'})-[c:CONTACTED]->(:Person)
				RETURN people, units, members, links, selfLoops, count(c) AS pairs, sum(c.count) AS contacts,
				       names[0..50] AS sampleUnits
				""").execute().records().getFirst().asMap();
	}

}
