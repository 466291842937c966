package org.casegraph.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeFilterTests {

	private final Node n = Cypher.node("Officer").named("n");

	@Test
	void valuesBecomeParametersNeverQueryText() {
		Statement statement = statement(Map.of("name", Map.of("eq", "x' OR 1=1 //")));
		assertThat(statement.getCypher()).doesNotContain("OR 1=1").contains("n.name = $");
		assertThat(statement.getCatalog().getParameters()).containsValue("x' OR 1=1 //");
	}

	@Test
	void fieldNamesAreQuoted() {
		assertThat(statement(Map.of("odd name", Map.of("eq", 1))).getCypher()).contains("n.`odd name` = $");
	}

	@Test
	void compilesBooleanCombinations() {
		Statement statement = statement(
				Map.of("OR", List.of(Map.of("rank", Map.of("eq", "PC")), Map.of("rank", Map.of("eq", "PS"))), "NOT",
						Map.of("status", Map.of("in", List.of("DISMISSED")))));
		assertThat(statement.getCypher()).contains("n.rank = $").contains(" OR ").contains("NOT (n.status IN $");
	}

	@Test
	void eqNullMeansMissing() {
		assertThat(statement(Map.of("closed", java.util.Collections.singletonMap("eq", null))).getCypher())
			.contains("n.closed IS NULL");
	}

	@Test
	void unknownOperatorsAreRefused() {
		assertThatThrownBy(() -> statement(Map.of("name", Map.of("like", "x")))).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("like");
	}

	private Statement statement(Map<String, Object> where) {
		return Cypher.match(n).where(NodeFilter.compile(n, where)).returning(n).build();
	}

}
