package org.casegraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.AdminGraphQlTester;
import org.casegraph.CypherRoundTrips;
import org.casegraph.TemporaryDataDir;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.read.SnapReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list ordered by a property some of its nodes lack (messages of a SNAP network without
 * times, beside timed ones): those with a value come in order, read from the property's
 * index, and those without one after them, ordered by id in the same direction; the
 * cursors walk every node once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB",
				"casegraph.seed.reference-case=false" })
@Import({ AdminGraphQlTester.class, CypherRoundTrips.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnvaluedSortIntegrationTests {

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-unvalued-sort-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-unvalued-sort-test-audit-");

	/**
	 * Timed messages, enough that reading them all to sort would be the planner's worse
	 * choice.
	 */
	private static final int TIMED = 2_000;

	private static final long FIRST_TIME = 1_500_000_000L;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
	}

	@Autowired
	Importer importer;

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	CypherRoundTrips roundTrips;

	@Autowired
	Driver driver;

	@BeforeAll
	void importsTimedAndUntimedMessages(@TempDir Path temp) throws IOException {
		StringBuilder lines = new StringBuilder();
		// Every tenth minute two messages share their time, so the id breaks ties.
		for (int i = 0; i < TIMED; i++) {
			lines.append("p").append(i % 37).append(" p").append((i * 7 + 1) % 41).append(' ');
			lines.append(FIRST_TIME + 60L * (i - (i % 10 == 1 ? 1 : 0))).append('\n');
		}
		lines.append("a b\nb c\nc a\n");
		Path edges = Files.writeString(temp.resolve("mixed-times.txt"), lines);
		importer.run(SnapReader.read(new SnapReader.Settings(edges, null, "Unit ", "mixed", true, false, 500)),
				new PrintStream(OutputStream.nullOutputStream()));
	}

	@Test
	void descendingTheTimedComeLatestFirstThenTheUntimedByIdDescending() {
		List<Map<String, Object>> walked = walk("DESC", 97);
		List<String> untimed = List.of("message:mixed:2003", "message:mixed:2002", "message:mixed:2001");
		assertThat(walked).hasSize(TIMED + 3);
		assertThat(ids(walked).subList(TIMED, TIMED + 3)).isEqualTo(untimed);
		List<Map<String, Object>> timed = walked.subList(0, TIMED);
		assertThat(timed).allSatisfy(message -> assertThat(message.get("sentAt")).isNotNull())
			.isSortedAccordingTo((a, b) -> {
				int byTime = ((String) b.get("sentAt")).compareTo((String) a.get("sentAt"));
				return (byTime != 0) ? byTime : ((String) b.get("id")).compareTo((String) a.get("id"));
			});
		assertThat(ids(walked)).doesNotHaveDuplicates();
	}

	@Test
	void ascendingTheTimedComeEarliestFirstThenTheUntimedById() {
		List<Map<String, Object>> walked = walk("ASC", 13);
		assertThat(walked).hasSize(TIMED + 3);
		assertThat(ids(walked).subList(TIMED, TIMED + 3)).containsExactly("message:mixed:2001", "message:mixed:2002",
				"message:mixed:2003");
		assertThat(walked.subList(0, TIMED)).isSortedAccordingTo((a, b) -> {
			int byTime = ((String) a.get("sentAt")).compareTo((String) b.get("sentAt"));
			return (byTime != 0) ? byTime : ((String) a.get("id")).compareTo((String) b.get("id"));
		});
		assertThat(ids(walked)).doesNotHaveDuplicates();
		// A cursor among the untimed continues among them.
		String afterFirstUntimed = (String) walked.get(TIMED).get("cursor");
		graphQl.document("""
				query($after: String) { messages(first: 5, after: $after, orderBy: {field: SENT_AT}) {
				  nodes { id sentAt } pageInfo { hasNextPage } } }
				""")
			.variable("after", afterFirstUntimed)
			.execute()
			.path("messages.nodes[*].id")
			.entityList(String.class)
			.containsExactly("message:mixed:2002", "message:mixed:2003")
			.path("messages.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	/**
	 * The latest messages are read from the time index in order and the read stops at the
	 * page's end: one statement, which reads no message without a time (finding those
	 * reads every message) while the timed ones fill the page.
	 */
	@Test
	void theLatestPageReadsTheTimeIndexInOrderAndNoMessageMore() {
		List<String> statements = roundTrips.statementsOf(() -> graphQl.document("""
				{ messages(first: 10, orderBy: {field: SENT_AT, direction: DESC}) { nodes { id } } }
				""").execute().path("messages.nodes").entityList(Object.class).hasSize(10));
		assertThat(statements).hasSize(1);
		Map<String, Long> rows = new HashMap<>();
		try (Session session = driver.session()) {
			rows(session.run("PROFILE " + statements.getFirst()).consume().profile(), rows);
		}
		assertThat(rows).containsKey("PartialTop").containsEntry("NodeByLabelScan", 0L);
		assertThat(rows.get("NodeIndexScan")).isBetween(11L, 12L);
	}

	private List<Map<String, Object>> walk(String direction, int size) {
		List<Map<String, Object>> walked = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var page = graphQl.document("""
					query($first: Int, $after: String, $direction: OrderDirection) {
					  messages(first: $first, after: $after, orderBy: {field: SENT_AT, direction: $direction}) {
					    totalCount edges { cursor node { id sentAt } } pageInfo { hasNextPage endCursor } } }
					""").variable("first", size).variable("after", after).variable("direction", direction).execute();
			List<Map<String, Object>> nodes = page.path("messages.edges")
				.entityList(Object.class)
				.get()
				.stream()
				.map(edge -> {
					@SuppressWarnings("unchecked")
					Map<String, Object> fields = (Map<String, Object>) edge;
					@SuppressWarnings("unchecked")
					Map<String, Object> message = new HashMap<>((Map<String, Object>) fields.get("node"));
					message.put("cursor", fields.get("cursor"));
					return message;
				})
				.toList();
			assertThat(page.path("messages.totalCount").entity(Integer.class).get()).isEqualTo(TIMED + 3);
			more = page.path("messages.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("messages.pageInfo.endCursor").entity(String.class).get();
			assertThat(nodes).hasSize(more ? size : (TIMED + 3) % size);
			walked.addAll(nodes);
		}
		return walked;
	}

	private static List<String> ids(List<Map<String, Object>> messages) {
		return messages.stream().map(message -> (String) message.get("id")).toList();
	}

	/** The rows each operator of a profiled plan produced, by operator. */
	private static void rows(ProfiledPlan plan, Map<String, Long> into) {
		into.merge(plan.operatorType().replaceFirst("@.*", ""), plan.records(), Long::sum);
		plan.children().forEach(child -> rows(child, into));
	}

}
