package org.casegraph.security;

import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access policy on a schema of its own, without Spring: what a sensitive field reads
 * as for each role, and a disclosure that needs a justification; each with the schema
 * visited by the policy as Spring builds it (the fields it acts on wrapped, read without
 * an environment) and not (every field looked up as it is fetched).
 */
class AccessPolicyTests {

	private static final String SCHEMA = """
			type Query { messages: [Message] }
			type Message { id: ID body: String }
			""";

	private static final List<Map<String, Object>> MESSAGES = List.of(Map.of("id", "message:1", "body", "meet at 10"),
			Map.of("id", "message:2", "body", "van keys"));

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aViewerReadsThePlaceholderAndTheDisclosureCountsIt(boolean visited) {
		Disclosure disclosure = new Disclosure();
		ExecutionResult result = run(visited, false, caller(Role.VIEWER, null), disclosure);

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.getData().toString()).contains("[redacted]").doesNotContain("van keys");
		assertThat(disclosure.redactedCounts()).containsEntry("Message.body", 2L);
		assertThat(disclosure.returnedIds()).containsExactly("message:1", "message:2");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void anInvestigatorNeedsAJustificationWhenOneIsRequired(boolean visited) {
		ExecutionResult refused = run(visited, true, caller(Role.INVESTIGATOR, null), new Disclosure());
		assertThat(refused.getErrors()).isNotEmpty()
			.allSatisfy(error -> assertThat(error.getMessage()).contains("X-Casegraph-Justification"));
		assertThat(refused.getData().toString()).doesNotContain("van keys");

		Disclosure disclosure = new Disclosure();
		ExecutionResult justified = run(visited, true, caller(Role.INVESTIGATOR, "case 19/0042"), disclosure);
		assertThat(justified.getErrors()).isEmpty();
		assertThat(justified.getData().toString()).contains("van keys");
		assertThat(disclosure.disclosedIds()).containsEntry("Message.body", List.of("message:1", "message:2"));
	}

	private static Caller caller(Role role, String justification) {
		return new Caller("someone", role.withIncluded(), "test", justification);
	}

	private static ExecutionResult run(boolean visited, boolean justificationRequired, Caller caller,
			Disclosure disclosure) {
		SecuritySettings settings = new SecuritySettings(SecuritySettings.Mode.LOCAL, List.of(Role.ADMIN), List.of(),
				new SecuritySettings.Redaction(List.of("Message.body", "Account.handle")),
				new SecuritySettings.Lockout(5, java.time.Duration.ofMinutes(15)),
				new SecuritySettings.Jwt("roles", Map.of()), new SecuritySettings.Cors(List.of()));
		AccessPolicy policy = new AccessPolicy(new SensitiveFields(settings), justificationRequired);
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("messages", env -> MESSAGES))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		if (visited) {
			GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
			new SchemaTraverser().depthFirstFullSchema(List.of(policy.fieldsActedOn()), schema,
					Map.of(GraphQLCodeRegistry.Builder.class, registry));
			schema = schema.transform(builder -> builder.codeRegistry(registry.build()));
		}
		GraphQL graphQl = GraphQL.newGraphQL(schema).instrumentation(policy).build();
		return graphQl.execute(ExecutionInput.newExecutionInput("{ messages { id body } }")
			.graphQLContext(Map.of(Caller.KEY, caller, Disclosure.KEY, disclosure))
			.build());
	}

}
