package org.casegraph.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.casegraph.TemporaryDataDir;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node limit met while a network is being built, not only by an argument: with
 * {@code casegraph.limits.graph-nodes} at 25, the network of Officers A and B with
 * everyone they messaged holds more, and is refused naming the setting (a database of its
 * own, since the limit is a setting).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB",
				"casegraph.limits.graph-nodes=25" })
@AutoConfigureGraphQlTester
class SmallLimitsIntegrationTests {

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-limits-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-limits-test-audit-");

	@Autowired
	GraphQlTester graphQl;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
	}

	@Test
	void aNetworkThatOutgrowsTheNodeLimitWhileBuiltIsRefusedNamingIt() {
		String withOutsiders = "{ contactNetwork(scope: {personIds: [\"officer:a\", \"officer:b\"]}, includeOutside: true) "
				+ "{ nodes { id } } }";
		List<ResponseError> errors = new ArrayList<>();
		graphQl.document(withOutsiders).execute().errors().satisfy(errors::addAll);

		assertThat(errors).hasSize(1);
		assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(errors.getFirst().getExtensions()).containsEntry("limit", "casegraph.limits.graph-nodes");
		assertThat(errors.getFirst().getMessage()).contains("more than 25 nodes");
		// Without the people they messaged, the two fit.
		assertThat(graphQl.document(withOutsiders.replace(", includeOutside: true", ""))
			.execute()
			.path("contactNetwork.nodes")
			.entityList(Object.class)
			.get()).hasSize(2);
	}

}
