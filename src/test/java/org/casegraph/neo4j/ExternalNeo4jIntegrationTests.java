package org.casegraph.neo4j;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode against a real Neo4j server in a container (without the Graph Data
 * Science plugin): the same code path, migrations, seed and reports. Skipped where no
 * Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "casegraph.neo4j.mode=external" })
@AutoConfigureGraphQlTester
class ExternalNeo4jIntegrationTests {

	@Container
	@ServiceConnection
	static final Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("casegraph-local");

	@Autowired
	GraphQlTester graphQl;

	@Test
	void servesTheReferenceCaseFromAnExternalServer() {
		graphQl.document("{ officers(where: {subject: {eq: true}}) { totalCount } investigations { totalCount } }")
			.execute()
			.path("officers.totalCount")
			.entity(Integer.class)
			.isEqualTo(14)
			.path("investigations.totalCount")
			.entity(Integer.class)
			.isEqualTo(9);
	}

	@Test
	void aReportThatNeedsGraphDataScienceSaysWhenTheServerHasNone() {
		graphQl.document("{ runReport(name: \"centrality\") { rows } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("needs Graph Data Science")));
		graphQl.document("{ runReport(name: \"top-contacts\", params: {person: \"officer:a\", limit: 1}) { rows } }")
			.execute()
			.path("runReport.rows[0][0]")
			.entity(String.class)
			.isEqualTo("officer:b");
	}

}
