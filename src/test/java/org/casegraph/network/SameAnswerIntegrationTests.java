package org.casegraph.network;

import java.net.http.HttpResponse;
import java.util.List;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same network question asked twice of the same store gets the same bytes back: every
 * query that picks among equals (capped neighbourhoods, paths, reports' top rows) picks
 * by a rule, not by the order it happened to read.
 */
class SameAnswerIntegrationTests extends EmbeddedGraphTests {

	private static final String GRAPH = "{ nodes { id kind label properties } edges { id kind source target weight properties } truncated { reasons } }";

	@LocalServerPort
	int port;

	static List<String> networkQueries() {
		return List.of("{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, includeOutside: true) " + GRAPH + " }",
				"{ contactNetwork(scope: {all: true}, from: \"2016-01-01T00:00:00Z\", to: \"2016-06-30T23:59:59Z\") "
						+ GRAPH + " }",
				"{ neighbourhood(ids: [\"officer:a\"], depth: 2, perNodeLimit: 5, limit: 60) " + GRAPH + " }",
				"{ neighbourhood(ids: [\"group:night-turn\", \"officer:c\"], perNodeLimit: 3) " + GRAPH + " }",
				"{ paths(from: \"officer:a\", to: \"officer:colleague-03\", timeOrdered: true) { paths { nodeIds edgeIds } graph "
						+ GRAPH + " } }",
				"{ paths(from: \"officer:a\", to: \"officer:colleague-03\", mode: K_SHORTEST, k: 5) { paths { nodeIds edgeIds } graph "
						+ GRAPH + " } }",
				"{ paths(from: \"officer:b\", to: \"officer:colleague-16\", mode: ALL_SHORTEST, kinds: [\"CONTACTED\"]) "
						+ "{ paths { nodeIds edgeIds } graph " + GRAPH + " } }",
				"{ allegationSpread(bucket: YEAR) { buckets { teamId bucket officerIds } firstAppearances { category teamId date } "
						+ "links { kind sourceId targetId count } graph " + GRAPH + " } }",
				"{ linkedInvestigations(id: \"investigation:hotton-1\") " + GRAPH + " }",
				"{ exposure(message: \"message:ref-01701\", days: 1) { senderId exposed { id via } onward { messageId to } graph "
						+ GRAPH + " } }",
				"{ runReport(name: \"top-contacts\", params: {person: \"officer:a\"}) { columns rows } }");
	}

	@ParameterizedTest
	@MethodSource("networkQueries")
	void askedTwiceTheSameStoreAnswersTheSameBytes(String query) {
		Http http = new Http(port);
		HttpResponse<String> first = http.graphQl(query);
		HttpResponse<String> second = http.graphQl(query);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).doesNotContain("\"errors\"");
		assertThat(second.body()).isEqualTo(first.body());
	}

}
