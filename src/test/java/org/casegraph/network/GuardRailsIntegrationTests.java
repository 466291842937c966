package org.casegraph.network;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests too deep, too complex or too large are refused before they run, with an error
 * that names the limit.
 */
class GuardRailsIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlTester graphQl;

	@Test
	void aQueryTooDeepIsRefused() {
		String links = "links { investigation { ".repeat(7) + "id" + " } }".repeat(7);
		ResponseError error = onlyError("{ investigations { nodes { " + links + " } } }");
		assertThat(error.getMessage()).contains("levels deep").contains("casegraph.limits.query-depth");
		assertThat(error.getErrorType().toString()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(error.getExtensions()).containsEntry("limit", "casegraph.limits.query-depth");
	}

	@Test
	void aQueryTooComplexIsRefused() {
		String aliases = IntStream.range(0, 600)
			.mapToObj(i -> "n" + i + ": node(id: \"officer:a\") { id }")
			.collect(Collectors.joining(" "));
		ResponseError error = onlyError("{ " + aliases + " }");
		assertThat(error.getMessage()).contains("casegraph.limits.query-complexity");
		assertThat(error.getErrorType().toString()).isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void manyAliasedWholeStoreNetworksAreRefusedBeforeAnyRuns() {
		String aliases = IntStream.range(0, 200)
			.mapToObj(i -> "n" + i + ": contactNetwork(scope: {all: true}) { nodes { id } }")
			.collect(Collectors.joining(" "));
		long started = System.nanoTime();
		ResponseError error = onlyError("{ " + aliases + " }");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(error.getMessage()).isEqualTo(
				"The query may return 1000000 nodes (each network counted at what may bound it); the limit is 20000 (casegraph.limits.query-cost)");
		assertThat(error.getErrorType().toString()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(error.getExtensions()).containsEntry("limit", "casegraph.limits.query-cost");
		assertThat(took).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aNetworkCostsWhatMayBoundItsAnswer() {
		// Four whole networks are the default budget; a neighbourhood costs its limit,
		// paths
		// their count times their length.
		String four = "{ a: contactNetwork(scope: {all: true}) { nodes { id } } b: allegationSpread { links { kind } } "
				+ "c: linkedInvestigations(id: \"investigation:hotton-1\") { nodes { id } } "
				+ "d: neighbourhood(ids: [\"officer:a\"], limit: 4900) { nodes { id } } "
				+ "e: paths(from: \"officer:a\", to: \"officer:b\", k: 10, maxLength: 9) { paths { length } } }";
		graphQl.document(four).execute().errors().verify();
		ResponseError error = onlyError(four.replace("limit: 4900", "limit: 4901"));
		assertThat(error.getMessage()).startsWith("The query may return 20001 nodes");
	}

	@Test
	void anOperationWithinTheLimitsIsCheckedAgainWithOtherVariables() {
		String document = """
				query ($limit: Int!) { a: contactNetwork(scope: {all: true}) { nodes { id } }
				  b: allegationSpread { links { kind } } c: linkedInvestigations(id: "investigation:hotton-1") { nodes { id } }
				  d: neighbourhood(ids: ["officer:a"], limit: $limit) { nodes { id } }
				  e: paths(from: "officer:a", to: "officer:b", k: 10, maxLength: 9) { paths { length } } }
				""";
		List<String> refusals = new java.util.ArrayList<>();
		for (int limit : new int[] { 4900, 4901, 4900, 4901 }) {
			graphQl.document(document)
				.variable("limit", limit)
				.execute()
				.errors()
				.satisfy(errors -> refusals.add(errors.isEmpty() ? "" : errors.getFirst().getMessage()));
		}
		String refused = "The query may return 20001 nodes (each network counted at what may bound it);"
				+ " the limit is 20000 (casegraph.limits.query-cost)";
		assertThat(refusals).containsExactly("", refused, "", refused);
	}

	@Test
	void aResultTooLargeIsRefused() {
		ResponseError error = onlyError("{ neighbourhood(ids: [\"unit:impact\"], limit: 100000) { nodes { id } } }");
		assertThat(error.getMessage()).contains("'limit'").contains("casegraph.limits.graph-nodes");
		assertThat(error.getExtensions()).containsEntry("limit", "casegraph.limits.graph-nodes");
	}

	@Test
	void aNeighbourhoodStopsAtItsNodeLimitAndSaysSo() {
		Map<String, Object> graph = graphQl.document(
				"{ neighbourhood(ids: [\"officer:a\"], depth: 2, limit: 10) { nodes { id } truncated { reasons message } } }")
			.execute()
			.path("neighbourhood")
			.entity(Map.class)
			.get();

		assertThat((List<?>) graph.get("nodes")).hasSize(10);
		assertThat((Map<String, Object>) graph.get("truncated")).extractingByKey("reasons")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("NODE_LIMIT");
	}

	@Test
	void aPathTooLongOrANeighbourhoodTooDeepIsRefused() {
		assertThat(onlyError("{ paths(from: \"officer:a\", to: \"officer:b\", maxLength: 50) { paths { length } } }")
			.getMessage()).contains("casegraph.limits.path-length");
		assertThat(onlyError("{ neighbourhood(ids: [\"officer:a\"], depth: 8) { nodes { id } } }").getMessage())
			.contains("casegraph.limits.neighbourhood-depth");
	}

	@Test
	void unknownIdsAreNamed() {
		ResponseError error = onlyError("{ contactNetwork(scope: { unitIds: [\"unit:nowhere\"] }) { nodes { id } } }");
		assertThat(error.getMessage()).isEqualTo("Argument 'scope.unitIds': no unit has id 'unit:nowhere'");
		assertThat(onlyError("{ linkedInvestigations(id: \"officer:a\") { nodes { id } } }").getMessage())
			.isEqualTo("Argument 'id': no investigation has id 'officer:a'");
	}

	private ResponseError onlyError(String document) {
		List<ResponseError> errors = new java.util.ArrayList<>();
		graphQl.document(document).execute().errors().satisfy(errors::addAll);
		assertThat(errors).hasSize(1);
		assertThat(errors.getFirst().getMessage()).doesNotContain("Exception").doesNotContain("Neo.");
		return errors.getFirst();
	}

}
