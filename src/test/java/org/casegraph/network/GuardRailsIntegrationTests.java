package org.casegraph.network;

import java.util.List;
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
	void aResultTooLargeIsRefused() {
		ResponseError error = onlyError("{ neighbourhood(ids: [\"unit:impact\"], limit: 100000) { nodes { id } } }");
		assertThat(error.getMessage()).contains("'limit'").contains("casegraph.limits.graph-nodes");
		assertThat(error.getExtensions()).containsEntry("limit", "casegraph.limits.graph-nodes");
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
