package org.casegraph.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact networks scoped by people, a station, a chat group and everyone, each checked
 * against a count of the messages themselves; and {@code explain} on every network query
 * that takes it.
 */
class ScopesAndExplainIntegrationTests extends EmbeddedGraphTests {

	/**
	 * Who messaged whom in 2016 from the Message nodes, both ends in the scope on the day
	 * (people: always; a station: posted there; a group: in it; everyone).
	 */
	private static final String CONTACTS_FROM_MESSAGES = """
			MATCH (a)-[:SENT]->(m:Message)
			WHERE datetime('2016-01-01T00:00:00Z') <= m.sentAt <= datetime('2016-12-31T23:59:59Z')
			CALL (a, m) {
			  MATCH (m)-[:TO]->(b) RETURN b
			  UNION
			  MATCH (m)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(b)
			  WHERE (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
			  RETURN b
			}
			WITH a, b, m, date(m.sentAt) AS day
			WHERE a <> b AND all(x IN [a, b] WHERE CASE $kind
			  WHEN 'all' THEN true
			  WHEN 'people' THEN x.id IN $ids
			  WHEN 'station' THEN EXISTS {
			    (x)-[:HAS_POSTING]->(p:Posting)-[:AT_STATION]->(s:Station)
			    WHERE s.id IN $ids AND (p.from IS NULL OR p.from <= day) AND (p.to IS NULL OR day <= p.to) }
			  WHEN 'group' THEN EXISTS {
			    (x)-[r:IN_GROUP]->(g:ChatGroup)
			    WHERE g.id IN $ids AND (r.from IS NULL OR r.from <= day) AND (r.to IS NULL OR day <= r.to) }
			END)
			RETURN a.id + '->' + b.id AS pair, count(DISTINCT m) AS messages
			""";

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	Driver driver;

	@ParameterizedTest
	@ValueSource(strings = { "people", "station", "group", "all" })
	void aScopeCountsTheMessagesOfThoseInItWhileTheyWere(String kind) {
		List<String> ids = switch (kind) {
			case "people" -> List.of("officer:a", "officer:b", "officer:c", "officer:colleague-07");
			case "station" -> List.of("station:west-end-central");
			case "group" -> List.of("group:night-turn");
			default -> List.of();
		};
		Map<String, Object> scope = switch (kind) {
			case "people" -> Map.of("personIds", ids);
			case "station" -> Map.of("stationIds", ids);
			case "group" -> Map.of("chatGroupIds", ids);
			default -> Map.of("all", true);
		};
		List<Map<String, Object>> edges = graphQl.document("""
				query($scope: ScopeInput!) {
				  contactNetwork(scope: $scope, from: "2016-01-01T00:00:00Z", to: "2016-12-31T23:59:59Z") {
				    edges { source target weight } } }
				""").variable("scope", scope).execute().path("contactNetwork.edges").entity(List.class).get();
		Map<String, Long> expected = new HashMap<>();
		driver.executableQuery(CONTACTS_FROM_MESSAGES)
			.withParameters(Map.of("kind", kind, "ids", ids))
			.execute()
			.records()
			.forEach(row -> expected.put(row.get("pair").asString(), row.get("messages").asLong()));

		assertThat(expected).hasSizeGreaterThan(2);
		assertThat(edges.stream()
			.collect(Collectors.toMap(edge -> edge.get("source") + "->" + edge.get("target"),
					edge -> ((Number) edge.get("weight")).longValue())))
			.isEqualTo(expected);
	}

	@Test
	void everyNetworkQueryExplainsTheCypherItRan() {
		Map<String, String> queries = Map.of("neighbourhood.explain",
				"{ neighbourhood(ids: [\"officer:a\"], depth: 2, explain: true) { explain { cypher parameters } } }",
				"paths.graph.explain",
				"{ paths(from: \"officer:a\", to: \"officer:colleague-03\", explain: true) { graph { explain { cypher parameters } } } }",
				"allegationSpread.graph.explain",
				"{ allegationSpread(explain: true) { graph { explain { cypher parameters } } } }",
				"linkedInvestigations.explain",
				"{ linkedInvestigations(id: \"investigation:hotton-1\", explain: true) { explain { cypher parameters } } }",
				"exposure.graph.explain",
				"{ exposure(message: \"message:ref-01701\", days: 1, explain: true) { graph { explain { cypher parameters } } } }",
				"timeline.explain", "{ timeline(id: \"officer:a\", explain: true) { explain { cypher parameters } } }");
		queries.forEach((path, query) -> {
			List<Map<String, Object>> explained = graphQl.document(query).execute().path(path).entity(List.class).get();
			assertThat(explained).as(path).isNotEmpty().allSatisfy(statement -> {
				assertThat((String) statement.get("cypher")).as(path).containsAnyOf("MATCH", "CALL", "UNWIND");
				assertThat(statement.get("parameters")).as(path).isInstanceOf(Map.class);
			});
			// Asked without explain, none comes back.
			assertThat(graphQl.document(query.replace(", explain: true", "").replace("(explain: true)", ""))
				.execute()
				.path(path)
				.valueIsNull());
		});
	}

}
