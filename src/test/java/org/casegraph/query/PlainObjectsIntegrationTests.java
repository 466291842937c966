package org.casegraph.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategy;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.ResultNodesInfo;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.casegraph.CypherRoundTrips;
import org.casegraph.EmbeddedGraphTests;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.security.AccessPolicy;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.casegraph.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.Http.JSON;

/**
 * Plain objects completed in one step answer exactly as graphql-java's own strategy does:
 * the same data, the same errors, and the same notes of the access policy (what was
 * returned, disclosed and redacted), for each role, on the reference case's network
 * queries and entity pages, whose batch loads must still run.
 */
class PlainObjectsIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlSource source;

	@Autowired
	BatchLoaderRegistry loaders;

	@Autowired
	ObjectProvider<DataFetcherExceptionResolver> resolvers;

	@Autowired
	AccessPolicy policy;

	@Autowired
	CypherRoundTrips roundTrips;

	@Autowired
	StoreVersion storeVersion;

	static Stream<Arguments> requests() {
		List<Object[]> documents = List.of(new Object[] { "officersWithRelations", Map.of("first", 50) },
				new Object[] { "contactNetwork", Map.of("scope", Map.of("unitIds", List.of("unit:impact"))) },
				new Object[] { "linkedInvestigations", Map.of("id", "investigation:hotton-1") },
				new Object[] { "allegationSpread", Map.of() },
				new Object[] { "neighbourhood", Map.of("ids", List.of("officer:a"), "depth", 2) },
				new Object[] { "messagesPage", Map.of("first", 50) },
				new Object[] { "timeline", Map.of("id", "officer:a") }, new Object[] { "impactTeam", Map.of() },
				new Object[] { "subjects", Map.of() },
				new Object[] { "paths", Map.of("from", "officer:a", "to", "unit:impact") });
		return documents.stream()
			.flatMap(document -> Stream.of(Role.VIEWER, Role.INVESTIGATOR)
				.map(role -> Arguments.of(document[0], document[1], role)));
	}

	@ParameterizedTest(name = "{0} as {2}")
	@MethodSource("requests")
	void answersAsGraphQlJavaDoes(String name, Map<String, Object> variables, Role role) throws IOException {
		String document = document(name);
		List<Answer> answers = new ArrayList<>();
		// Each worked out afresh: neither finds the other's answer kept.
		storeVersion.forgetKept();
		List<String> plainStatements = roundTrips
			.statementsOf(() -> answers.add(answer(service(source.graphQl()), document, variables, role)));
		storeVersion.forgetKept();
		List<String> standardStatements = roundTrips
			.statementsOf(() -> answers.add(answer(service(standard(source.graphQl())), document, variables, role)));
		Answer plain = answers.get(0);
		Answer standard = answers.get(1);

		assertThat(plain.response()).isEqualTo(standard.response());
		assertThat(plain.response()).containsKey("data");
		assertThat(JSON.writeValueAsString(plain.response())).as("the answer written, its fields in order")
			.isEqualTo(JSON.writeValueAsString(standard.response()));
		assertThat(plain.notes()).isEqualTo(standard.notes());
		assertThat(plainStatements).as("the same statements: batch loads run as they would have")
			.isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(standardStatements);
	}

	@Test
	void aViewerSeesTheSameRedactionsOfANetwork() throws IOException {
		Answer plain = answer(service(source.graphQl()), document("neighbourhood"),
				Map.of("ids", List.of("officer:a"), "depth", 2), Role.VIEWER);

		assertThat(plain.notes().get("redacted")).isNotEqualTo(Map.of());
		assertThat(plain.notes().get("returned")).isNotEqualTo(0L);
	}

	/**
	 * A schema of its own, read by property: each way a plain field can stop being plain
	 * in one object (null where it may not be, a value that does not coerce, a read that
	 * fails, a future) gives the errors and nulls graphql-java gives.
	 */
	@Test
	void fieldsThatAreNotPlainInAnObjectAnswerAsGraphQlJavaDoes() {
		Map<?, ?> data = asGraphQlJava("{ things { __typename name count score kind tags later failing } }");

		assertThat((List<?>) data.get("things")).hasSize(6).containsNull();
	}

	/**
	 * A list whose items may not be null: an item made null by a field that may not be
	 * null makes the list null, with graphql-java's error and path.
	 */
	@Test
	void anItemOfAListOfNonNullObjectsThatIsNotPlainAnswersAsGraphQlJavaDoes() {
		Map<?, ?> data = asGraphQlJava("{ all { name count } clean { name count tags } }");

		assertThat(data.get("all")).isNull();
		assertThat((List<?>) data.get("clean")).hasSize(3).doesNotContainNull();
	}

	/**
	 * The data of a query's answer on the things schema, once its data, errors and count
	 * of result nodes are found to be those graphql-java's own strategy gives.
	 */
	private Map<?, ?> asGraphQlJava(String query) {
		Executed plain = execute(things(new PlainObjects(ERRORS, policy)), query);
		Executed standard = execute(things(new AsyncExecutionStrategy(ERRORS)), query);

		assertThat(plain.answer()).isEqualTo(standard.answer()).containsKey("errors");
		assertThat(JSON.writeValueAsString(plain.answer())).isEqualTo(JSON.writeValueAsString(standard.answer()));
		assertThat(plain.resultNodes()).isEqualTo(standard.resultNodes()).isGreaterThan(6);
		return (Map<?, ?>) plain.answer().get("data");
	}

	/**
	 * graphql-java works out a step info for each field it completes; an object completed
	 * in one step needs none, however many fields it has, and one with an object among
	 * its fields is completed field by field.
	 */
	@Test
	void onlyObjectsWithPlainFieldsAreCompletedInOneStep() {
		CountingSteps strategy = new CountingSteps(policy);
		GraphQL plain = things(strategy);

		long one = strategy.steps(plain, "{ first { name } }");
		long many = strategy.steps(plain, "{ first { name count score kind tags } }");
		long nested = strategy.steps(plain, "{ first { name inner { name } } }");
		long list = strategy.steps(plain, "{ clean { name count } }");

		assertThat(many).isEqualTo(one);
		assertThat(nested).isGreaterThanOrEqualTo(one + 2);
		assertThat(list).isEqualTo(one);
		assertThat(strategy.values).hasValue(1);
	}

	private static final class CountingSteps extends PlainObjects {

		private final AtomicLong steps = new AtomicLong();

		/**
		 * Values completed one by one in the last query: each list item, in graphql-java.
		 */
		private final AtomicLong values = new AtomicLong();

		CountingSteps(AccessPolicy policy) {
			super(new SimpleDataFetcherExceptionHandler(), policy);
		}

		long steps(GraphQL graphQl, String query) {
			steps.set(0);
			values.set(0);
			assertThat(run(graphQl, query)).doesNotContainKey("errors");
			return steps.get();
		}

		@Override
		protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
			values.incrementAndGet();
			return super.completeValue(context, parameters);
		}

		@Override
		protected ExecutionStepInfo createExecutionStepInfo(ExecutionContext context,
				ExecutionStrategyParameters parameters, GraphQLFieldDefinition field, GraphQLObjectType parent) {
			steps.incrementAndGet();
			return super.createExecutionStepInfo(context, parameters, field, parent);
		}

	}

	private static final DataFetcherExceptionHandler ERRORS = new SimpleDataFetcherExceptionHandler();

	/** graphql-java on the things schema, with the application's instrumentation. */
	private GraphQL things(ExecutionStrategy strategy) {
		return GraphQL.newGraphQL(thingsSchema())
			.instrumentation(source.graphQl().getInstrumentation())
			.queryExecutionStrategy(strategy)
			.build();
	}

	private static GraphQLSchema thingsSchema() {
		String sdl = """
				type Query { things: [Thing] first: Thing all: [Thing!] clean: [Thing!]! }
				type Thing { name: String! count: Int score: Float kind: Kind tags: [String!] later: String failing: String
				  inner: Thing }
				enum Kind { PLAIN, ODD }
				""";
		List<Thing> things = List.of(new Thing("a", 1L, 0.5, "PLAIN", List.of("x"), null),
				new Thing(null, 2, 1.0, "PLAIN", null, null), new Thing("c", "three", 1.5, "PLAIN", null, null),
				new Thing("d", 4, Double.NaN, "NEITHER", null, null),
				new Thing("e", 5_000_000_000L, 2.0, "ODD", java.util.Arrays.asList("y", null), null),
				new Thing("f", 6, 2.5f, "ODD", null, CompletableFuture.completedFuture("later")));
		List<Thing> clean = List.of(new Thing("g", 7, 3.0, "PLAIN", List.of("z"), null),
				new Thing("h", 8L, 3.5, "ODD", List.of(), null), new Thing("i", 9, 4.0, "PLAIN", null, null));
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query",
					type -> type.dataFetcher("things", env -> things)
						.dataFetcher("first", env -> things.get(0))
						.dataFetcher("all", env -> things)
						.dataFetcher("clean", env -> clean))
			.build();
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
	}

	private static Map<String, Object> run(GraphQL graphQl, String query) {
		return graphQl.execute(asAdmin(query)).toSpecification();
	}

	/**
	 * A query's answer, and how many result nodes graphql-java counted for it (a public
	 * figure), from one execution.
	 */
	private static Executed execute(GraphQL graphQl, String query) {
		ExecutionInput input = asAdmin(query);
		Map<String, Object> answer = graphQl.execute(input).toSpecification();
		ResultNodesInfo nodes = input.getGraphQLContext().get(ResultNodesInfo.RESULT_NODES_INFO);
		return new Executed(answer, nodes.getResultNodesCount());
	}

	private record Executed(Map<String, Object> answer, int resultNodes) {
	}

	private static ExecutionInput asAdmin(String query) {
		return ExecutionInput.newExecutionInput(query)
			.graphQLContext(Map.of(Caller.KEY, caller(Role.ADMIN), Disclosure.KEY, new Disclosure()))
			.build();
	}

	/** A thing read by property. */
	public record Thing(String name, Object count, Object score, String kind, List<String> tags,
			CompletableFuture<String> later) {

		public String failing() {
			throw new IllegalStateException("this read fails");
		}

		public Thing inner() {
			return this;
		}

	}

	private Answer answer(ExecutionGraphQlService service, String document, Map<String, Object> variables, Role role) {
		Disclosure disclosure = new Disclosure();
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, variables, null,
				"plain-objects", null);
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(Caller.KEY, caller(role), Disclosure.KEY, disclosure))
					.build());
		Map<String, Object> response = service.execute(request).block(Duration.ofSeconds(60)).toMap();
		Map<String, Object> notes = new LinkedHashMap<>();
		notes.put("returned", disclosure.returnedTotal());
		notes.put("returnedIds", disclosure.returnedIds());
		notes.put("disclosed", disclosure.disclosedIds());
		notes.put("redacted", disclosure.redactedCounts());
		return new Answer(response, notes);
	}

	private record Answer(Map<String, Object> response, Map<String, Object> notes) {
	}

	private static Caller caller(Role role) {
		Set<Role> roles = role.withIncluded();
		return new Caller("plain-objects-test", roles, "test", "a justification");
	}

	/** A service run as the application's is, on the given GraphQL. */
	private ExecutionGraphQlService service(GraphQL graphQl) {
		DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(new GraphQlSource() {
			@Override
			public GraphQL graphQl() {
				return graphQl;
			}

			@Override
			public GraphQLSchema schema() {
				return source.schema();
			}
		});
		service.addDataLoaderRegistrar(loaders);
		return service;
	}

	private GraphQL standard(GraphQL graphQl) {
		return graphQl.transform(builder -> builder.queryExecutionStrategy(new AsyncExecutionStrategy(
				DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
	}

	private static String document(String name) throws IOException {
		String document = new ClassPathResource("graphql-test/" + name + ".graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		if (document.contains("...graphFields")) {
			document += "\n" + new ClassPathResource("graphql-test/graphFields.graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		return document;
	}

}
