package org.casegraph.query;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.casegraph.Http;
import org.casegraph.TemporaryDataDir;
import org.casegraph.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers of fields kept until a write, on the reference case in {@code users} mode, over
 * HTTP: asked again by the same caller they are written as before without running, and
 * audited as the first ask was; another caller, a write, anything else in the request,
 * {@code explain} or an error runs the request as usual. The viewer is the least
 * privileged caller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB",
				"casegraph.security.mode=users" })
@Import(KeptResponsesIntegrationTests.Executions.class)
class KeptResponsesIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-kept-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-kept-audit-");

	private static final String GRAPH = "{ nodes { id kind label properties } edges { id kind source target weight properties } }";

	private static final String NETWORK = "query Network { contactNetwork(scope: {unitIds: [\"unit:impact\"]}, "
			+ "includeOutside: true) " + GRAPH + " }";

	private static final String SPREAD = "query Spread($b: Bucket!) { allegationSpread(bucket: $b) "
			+ "{ buckets { teamId bucket officerIds } links { kind sourceId targetId count } graph " + GRAPH + " } }";

	@LocalServerPort
	int port;

	@Autowired
	Executions executions;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
		TestUsers.register(registry, PASSWORD, Map.of("viewer", "viewer", "investigator", "investigator"));
	}

	@Test
	void askedAgainTheAnswerIsWrittenAsBeforeWithoutRunningAndAuditedAlike() throws IOException {
		for (Map.Entry<String, Map<String, Object>> asked : Map
			.of(NETWORK, Map.<String, Object>of(), SPREAD, Map.<String, Object>of("b", "YEAR"))
			.entrySet()) {
			HttpResponse<String> first = as("viewer").graphQl(asked.getKey(), asked.getValue());
			int ran = executions.count();
			HttpResponse<String> again = as("viewer").graphQl(asked.getKey(), asked.getValue());

			assertThat(executions.count()).as("executions asked again").isEqualTo(ran);
			assertThat(Http.json(first).path("errors").isMissingNode()).as(first.body()).isTrue();
			assertThat(again.body()).isEqualTo(first.body());
			assertThat(again.headers().firstValue("Content-Type"))
				.isEqualTo(first.headers().firstValue("Content-Type"));
			JsonNode firstEntry = entry(first);
			JsonNode againEntry = entry(again);
			assertThat(againEntry.path("requestId").asString()).isNotEqualTo(firstEntry.path("requestId").asString());
			assertThat(firstEntry.path("entities").path("total").asLong()).isPositive();
			for (String field : new String[] { "entities", "disclosed", "redacted", "operation", "outcome", "actor" }) {
				assertThat(againEntry.path(field)).as(field).isEqualTo(firstEntry.path(field));
			}
		}
	}

	@Test
	void anotherCallerAWriteOrAnErrorRunsTheRequest() {
		String network = "{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}) " + GRAPH + " }";
		String kept = as("viewer").graphQl(network).body();
		int ran = executions.count();
		assertThat(as("investigator").graphQl(network).body()).isEqualTo(kept);
		assertThat(executions.count()).as("another caller's ask runs").isEqualTo(ran + 1);

		JsonNode tagged = Http.json(as("investigator")
			.graphQl("mutation { tag(entityIds: [\"officer:c\"], name: \"kept-answer\") { __typename } }"));
		assertThat(tagged.path("data").path("tag").path("__typename").asString()).isEqualTo("Tagged");
		String afterTag = as("viewer").graphQl(network).body();
		assertThat(executions.count()).as("asked after a write").isEqualTo(ran + 3);
		assertThat(kept).doesNotContain("kept-answer");
		assertThat(afterTag).contains("kept-answer");
		assertThat(as("viewer").graphQl(network).body()).isEqualTo(afterTag);
		assertThat(executions.count()).isEqualTo(ran + 3);

		String unknown = "{ contactNetwork(scope: {unitIds: [\"unit:nowhere\"]}) { nodes { id } } }";
		assertThat(Http.json(as("viewer").graphQl(unknown)).path("errors")).isNotEmpty();
		as("viewer").graphQl(unknown);
		assertThat(executions.count()).as("an answer with errors is not kept").isEqualTo(ran + 5);
	}

	@Test
	void aRequestAskingForAnythingElseOrToExplainRunsEveryTime() {
		String[] documents = { "{ units { nodes { id } } }",
				"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}) { nodes { id } } units { nodes { id } } }",
				"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, explain: true) { nodes { id } explain { cypher } } }",
				"{ __typename contactNetwork(scope: {unitIds: [\"unit:impact\"]}) { nodes { id } } }" };
		for (String document : documents) {
			String first = as("viewer").graphQl(document).body();
			int ran = executions.count();
			assertThat(as("viewer").graphQl(document).body()).as(document).isEqualTo(first);
			assertThat(executions.count()).as(document).isEqualTo(ran + 1);
		}
	}

	private Http as(String user) {
		return new Http(port).as(user, PASSWORD);
	}

	private static JsonNode entry(HttpResponse<String> response) throws IOException {
		return Http.auditEntry(AUDIT_DIR, response);
	}

	/** Counts the GraphQL requests that ran, after any answered without running. */
	@TestConfiguration
	static class Executions {

		private final AtomicInteger count = new AtomicInteger();

		@Bean
		WebGraphQlInterceptor countingExecutions() {
			return (request, chain) -> {
				count.incrementAndGet();
				return chain.next(request);
			};
		}

		int count() {
			return count.get();
		}

	}

}
