package org.casegraph.messaging;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code conversation} on the reference case, against the messages worked out in Java
 * from what two officers sent, to whom, where, and when each was in which group.
 */
class ConversationIntegrationTests extends EmbeddedGraphTests {

	private static final String SENT_BY = """
			MATCH (s:Person)-[:SENT]->(m:Message)
			WHERE s.id IN $people
			RETURN s.id AS sender, m.id AS id, m.sentAt AS sentAt,
			       [(m)-[:TO]->(r) | r.id] AS recipients, [(m)-[:POSTED_IN]->(g) | g.id][0] AS group
			""";

	private static final String GROUPS_OF = """
			MATCH (p:Person)-[r:IN_GROUP]->(g:ChatGroup)
			WHERE p.id IN $people
			RETURN p.id AS person, g.id AS group, r.from AS from, r.to AS to
			""";

	private static final String PAGE = """
			query($between: [ID!], $group: ID, $after: String, $around: ID) {
			  conversation(between: $between, group: $group, first: 40, after: $after, around: $around, context: 3) {
			    edges { cursor node { id sentAt sender { id } chatGroup { id } } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}
			""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@Test
	void aConversationBetweenTwoOfficersIsExactlyTheirMessagesInOrderPagedWithoutRepeats() {
		List<String> expected = between("officer:a", "officer:c");
		assertThat(expected).hasSizeGreaterThan(100);

		List<String> read = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Map<String, Object> page = page(Map.of("between", List.of("officer:a", "officer:c")), after, null);
			edges(page).forEach(edge -> read.add(node(edge).get("id").toString()));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
			pages++;
		}
		while (after != null);

		assertThat(pages).isGreaterThan(2);
		assertThat(read).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	/**
	 * Pairs in a group together only some of the time: a post by one while the other was
	 * not (yet, or any longer) in the group is not theirs, and one while both were is.
	 */
	@Test
	void aGroupPostCountsOnlyOnADayBothWereInTheGroup() {
		List<Record> pairs = driver.executableQuery("""
				MATCH (a:Person)-[ra:IN_GROUP]->(g:ChatGroup)<-[rb:IN_GROUP]-(b:Person)
				WHERE a.id < b.id AND (rb.from IS NOT NULL OR rb.to IS NOT NULL)
				MATCH (a)-[:SENT]->(m:Message)-[:POSTED_IN]->(g)
				WITH a, b, date(m.sentAt) AS day, ra, rb
				WHERE (ra.from IS NULL OR ra.from <= day) AND (ra.to IS NULL OR day <= ra.to)
				  AND ((rb.from IS NOT NULL AND day < rb.from) OR (rb.to IS NOT NULL AND day > rb.to))
				RETURN DISTINCT a.id AS a, b.id AS b
				ORDER BY a, b
				LIMIT 3
				""").execute().records();
		assertThat(pairs).isNotEmpty();
		for (Record pair : pairs) {
			String a = pair.get("a").asString();
			String b = pair.get("b").asString();
			List<String> expected = between(a, b);
			assertThat(expected).as("one page holds the whole conversation").hasSizeLessThanOrEqualTo(500);
			List<String> read = new ArrayList<>();
			Map<String, Object> page = graphQl
				.document("query($b: [ID!]) { conversation(between: $b, first: 500) { edges { node { id } } } }")
				.variable("b", List.of(a, b))
				.execute()
				.path("conversation")
				.entity(Map.class)
				.get();
			edges(page).forEach(edge -> read.add(node(edge).get("id").toString()));
			assertThat(read).as("%s and %s", a, b).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aroundAMessageGivesItsContextEitherSide() {
		List<String> expected = between("officer:a", "officer:c");
		Map<String, Object> page = page(Map.of("between", List.of("officer:c", "officer:a")), null, expected.get(10));
		assertThat(edges(page)).extracting(edge -> node(edge).get("id").toString())
			.containsExactlyElementsOf(expected.subList(7, 14));
		assertThat((Map<String, Object>) page.get("pageInfo")).containsEntry("hasNextPage", true)
			.containsEntry("hasPreviousPage", true);
		Map<String, Object> first = page(Map.of("between", List.of("officer:a", "officer:c")), null,
				expected.getFirst());
		assertThat(edges(first)).extracting(edge -> node(edge).get("id").toString())
			.containsExactlyElementsOf(expected.subList(0, 4));
		assertThat((Map<String, Object>) first.get("pageInfo")).containsEntry("hasPreviousPage", false);
	}

	@Test
	void aGroupsConversationIsEveryMessagePostedInIt() {
		List<String> expected = driver
			.executableQuery("MATCH (m:Message)-[:POSTED_IN]->(:ChatGroup {id: 'group:gym'}) "
					+ "RETURN m.id AS id ORDER BY m.sentAt, m.id")
			.execute()
			.records()
			.stream()
			.map(record -> record.get("id").asString())
			.toList();
		List<String> read = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = page(Map.of("group", "group:gym"), after, null);
			edges(page).forEach(edge -> read.add(node(edge).get("id").toString()));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		assertThat(read).containsExactlyElementsOf(expected);
	}

	@Test
	@SuppressWarnings("unchecked")
	void repliesInAGroupsConversationPointToEarlierMessagesOfTheSameGroup() {
		List<Map<String, Object>> nodes = graphQl.document("""
				{ conversation(group: "group:impact-chat", first: 300) {
				    nodes { id sentAt inReplyTo { id sentAt chatGroup { id } } } } }
				""")
			.execute()
			.path("conversation.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(node -> (Map<String, Object>) node)
			.toList();
		List<Map<String, Object>> replies = nodes.stream().filter(node -> node.get("inReplyTo") != null).toList();
		assertThat(replies).hasSizeGreaterThan(10);
		long stored = driver.session().run("""
				MATCH (m:Message)-[:IN_REPLY_TO]->(:Message) WHERE m.id IN $ids RETURN count(m) AS n
				""", Map.of("ids", nodes.stream().map(node -> node.get("id")).toList())).single().get("n").asLong();
		assertThat(replies).hasSize((int) stored);
		for (Map<String, Object> reply : replies) {
			Map<String, Object> original = (Map<String, Object>) reply.get("inReplyTo");
			assertThat((Map<String, Object>) original.get("chatGroup")).containsEntry("id", "group:impact-chat");
			assertThat(ZonedDateTime.parse((String) original.get("sentAt")))
				.isBefore(ZonedDateTime.parse((String) reply.get("sentAt")));
		}
	}

	@Test
	void badArgumentsAreNamed() {
		graphQl.document("{ conversation(between: [\"officer:a\"], group: \"group:gym\") { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.getFirst().getMessage()).contains("either 'between'"));
		graphQl.document("{ conversation(between: [\"officer:a\", \"unit:impact\"]) { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.getFirst().getMessage())
				.isEqualTo("Argument 'between': no person or account has id 'unit:impact'"));
		graphQl.document("{ conversation(group: \"group:gym\", around: \"message:ref-00001\") { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.getFirst().getMessage()).contains("Argument 'around'"));
		graphQl.document("{ conversation(group: \"group:gym\", after: \"junk\") { edges { cursor } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.getFirst().getMessage()).startsWith("Argument 'after'"));
	}

	/**
	 * The messages between two people, in Java: direct either way, and what either posted
	 * in a group both were in on the day.
	 */
	private List<String> between(String a, String b) {
		Map<String, Object> people = Map.of("people", List.of(a, b));
		List<Record> memberships = driver.executableQuery(GROUPS_OF).withParameters(people).execute().records();
		record Row(String id, ZonedDateTime sentAt) {
		}
		List<Row> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Record message : driver.executableQuery(SENT_BY).withParameters(people).execute().records()) {
			String sender = message.get("sender").asString();
			String other = sender.equals(a) ? b : a;
			ZonedDateTime sentAt = message.get("sentAt").asZonedDateTime();
			boolean direct = message.get("recipients").asList(value -> value.asString()).contains(other);
			String group = message.get("group").isNull() ? null : message.get("group").asString();
			boolean together = group != null && in(memberships, a, group, sentAt.toLocalDate())
					&& in(memberships, b, group, sentAt.toLocalDate());
			if ((direct || together) && seen.add(message.get("id").asString())) {
				rows.add(new Row(message.get("id").asString(), sentAt));
			}
		}
		rows.sort(Comparator.comparing((Row row) -> row.sentAt().toInstant()).thenComparing(Row::id));
		return rows.stream().map(Row::id).toList();
	}

	private static boolean in(List<Record> memberships, String person, String group, LocalDate day) {
		return memberships.stream()
			.anyMatch(m -> m.get("person").asString().equals(person) && m.get("group").asString().equals(group)
					&& (m.get("from").isNull() || !m.get("from").asLocalDate().isAfter(day))
					&& (m.get("to").isNull() || !m.get("to").asLocalDate().isBefore(day)));
	}

	private Map<String, Object> page(Map<String, Object> variables, String after, String around) {
		var request = graphQl.document(PAGE);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.variable("after", after)
			.variable("around", around)
			.execute()
			.path("conversation")
			.entity(Map.class)
			.get();
	}

	private static List<Map<String, Object>> edges(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("edges");
	}

	private static Map<String, Object> node(Map<String, Object> edge) {
		return (Map<String, Object>) edge.get("node");
	}

}
