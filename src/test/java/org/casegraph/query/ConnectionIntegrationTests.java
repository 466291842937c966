package org.casegraph.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Root lists as Relay connections: keyset paging, typed filters, ordering, counts, ids
 * and search.
 */
class ConnectionIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void keysetCursorsWalkEveryMessageOnceInOrder() {
		Map<String, Object> where = Map.of("channel", Map.of("eq", "DIRECT"));
		Map<String, Object> order = Map.of("field", "SENT_AT", "direction", "DESC");
		int total = page(500, null, where, order).path("messages.totalCount").entity(Integer.class).get();
		List<String> seen = new ArrayList<>();
		List<String> times = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var page = page(97, after, where, order);
			seen.addAll(page.path("messages.edges[*].node.id").entityList(String.class).get());
			times.addAll(page.path("messages.edges[*].node.sentAt").entityList(String.class).get());
			more = page.path("messages.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("messages.pageInfo.endCursor").entity(String.class).get();
		}
		Set<String> unique = new LinkedHashSet<>(seen);
		assertThat(total).isGreaterThan(500);
		assertThat(seen).hasSize(total);
		assertThat(unique).hasSize(total);
		assertThat(times).isSortedAccordingTo(
				(a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));
	}

	/**
	 * Pages without a filter reuse their statement by shape: each size, order and cursor
	 * must still get its own.
	 */
	@Test
	void unfilteredPagesOfEverySizeAndOrderWalkEveryOfficerOnce() {
		int total = graphQl.document("{ officers(first: 1) { totalCount } }")
			.execute()
			.path("officers.totalCount")
			.entity(Integer.class)
			.get();
		List<String> byId = walkOfficers(7, Map.of("field", "ID", "direction", "ASC"));
		List<String> byIdDescending = walkOfficers(11, Map.of("field", "ID", "direction", "DESC"));
		List<String> byName = walkOfficers(7, Map.of("field", "NAME", "direction", "DESC"));
		assertThat(byId).hasSize(total).doesNotHaveDuplicates().isSorted();
		assertThat(byIdDescending).isEqualTo(byId.reversed());
		assertThat(byName).hasSize(total).containsExactlyInAnyOrderElementsOf(byId);
	}

	private List<String> walkOfficers(int size, Map<String, Object> order) {
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			var page = graphQl.document("""
					query($first: Int, $after: String, $order: OfficerOrder) {
					  officers(first: $first, after: $after, orderBy: $order) {
					    nodes { id } pageInfo { hasNextPage endCursor } } }
					""").variable("first", size).variable("after", after).variable("order", order).execute();
			List<String> ids = page.path("officers.nodes[*].id").entityList(String.class).get();
			more = page.path("officers.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("officers.pageInfo.endCursor").entity(String.class).get();
			assertThat(ids).hasSizeLessThanOrEqualTo(size);
			if (more) {
				assertThat(ids).hasSize(size);
			}
			seen.addAll(ids);
		}
		return seen;
	}

	@Test
	void filtersCombineWithAndOrNot() {
		Map<String, Object> where = Map.of("OR",
				List.of(Map.of("name", Map.of("eq", "Officer A")), Map.of("name", Map.of("startsWith", "Officer M"))),
				"NOT", Map.of("status", Map.of("in", List.of("SUSPENDED"))), "subject", Map.of("eq", true));
		graphQl
			.document(
					"""
							query($where: OfficerWhere) { officers(where: $where, orderBy: {field: NAME}) { totalCount nodes { name } } }
							""")
			.variable("where", where)
			.execute()
			.path("officers.nodes[*].name")
			.entityList(String.class)
			.containsExactly("Officer A", "Officer M");
	}

	@Test
	void dateAndTimeFiltersUseTheScalarTypes() {
		graphQl.document("""
				{ messages(where: { sentAt: { gte: "2016-01-01T00:00:00Z", lt: "2016-01-02T00:00:00Z" } }, first: 100) {
				    nodes { sentAt } } }
				""")
			.execute()
			.path("messages.nodes[*].sentAt")
			.entityList(String.class)
			.satisfies(times -> assertThat(times).isNotEmpty().allMatch(t -> t.startsWith("2016-01-01")));
		graphQl.document("""
				{ allegations(where: { reported: { gte: "2019-09-01" } }) { nodes { subject { name } } } }
				""")
			.execute()
			.path("allegations.nodes[*].subject.name")
			.entityList(String.class)
			.satisfies(names -> assertThat(names).isNotEmpty().containsOnly("Officer M", "Officer N"));
	}

	@Test
	void aCursorFromElsewhereIsRefusedNamingTheArgument() {
		graphQl.document("{ officers(after: \"not-a-cursor\") { nodes { id } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).contains("'after'");
			}));
	}

	@Test
	void aPageSizeOutOfRangeIsRefused() {
		graphQl.document("{ messages(first: 5000) { nodes { id } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("'first'").contains("1..500")));
	}

	@Test
	void nodeFindsAnyEntityAsItsType() {
		var result = graphQl.document("""
				{ officer: node(id: "officer:a") { __typename id }
				  unit: node(id: "unit:impact") { __typename ... on Unit { name } }
				  source: node(id: "source:S4") { __typename ... on Source { outlet } }
				  missing: node(id: "nothing:here") { id } }
				""").execute();
		result.path("officer.__typename").entity(String.class).isEqualTo("Officer");
		result.path("unit.name").entity(String.class).isEqualTo("Impact team");
		result.path("source.outlet").entity(String.class).isEqualTo("BBC News (London)");
		result.path("missing").valueIsNull();
	}

	@Test
	void searchUsesTheFullTextIndex() {
		graphQl.document("{ search(text: \"Leicester\", first: 5) { score node { __typename id } } }")
			.execute()
			.path("search[*].node.__typename")
			.entityList(String.class)
			.hasSize(5)
			.contains("Message");
		graphQl.document("{ search(text: \"Westminster\") { node { __typename ... on Borough { name } } } }")
			.execute()
			.path("search[0].node.name")
			.entity(String.class)
			.isEqualTo("Westminster");
		graphQl.document("{ search(text: \"Leicester (Square\") { node { id } } }").execute().errors().verify();
		graphQl.document("{ search(text: \"AND OR (\", advanced: true) { score } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("'text'")));
	}

	private GraphQlTester.Response page(int first, String after, Map<String, Object> where, Map<String, Object> order) {
		return graphQl.documentName("messagesPage")
			.variable("first", first)
			.variable("after", after)
			.variable("where", where)
			.variable("orderBy", order)
			.execute();
	}

}
