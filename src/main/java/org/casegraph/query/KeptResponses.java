package org.casegraph.query;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.casegraph.security.Role;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Answers written once, kept until the next write to the store: a request whose every
 * root field the schema marks {@code @keptUntilWrite} (answers the features keep until a
 * write, such as a contact network) is answered, when the same caller asks the same
 * document with the same variables again at the same {@link StoreVersion}, with the JSON
 * written the first time. Nothing runs again: not the fields, the access policy's checks
 * or the writing of a large answer (6.9 MB for a spread at tier L). The request's
 * {@link Disclosure} is noted as the first one's, so that the audit trail records it
 * alike; what the access policy gave out depends on the caller's roles, so an answer is
 * kept per caller and roles. An answer with errors, a denial or a limit met is not kept.
 * <p>
 * First of the interceptors, so that what it keeps is the answer as every other one left
 * it. {@link GraphQlResponses} writes the JSON and hands it back here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeptResponses implements WebGraphQlInterceptor {

	private static final String DIRECTIVE = "keptUntilWrite";

	/** The most JSON kept in all. */
	private static final long MAX_BYTES = 64L << 20;

	/** The largest answer kept: a larger one would push out most of the others. */
	private static final int MAX_ANSWER_BYTES = 16 << 20;

	private static final Duration IDLE = Duration.ofMinutes(30);

	private static final int DOCUMENTS = 500;

	private final StoreVersion storeVersion;

	private final ObjectProvider<GraphQlSource> graphQlSource;

	private final Cache<Question, Answer> kept = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((Question question, Answer answer) -> answer.json().length)
		.expireAfterAccess(IDLE)
		.build();

	/** Whether a document's operation asks only for fields kept until a write. */
	private final Cache<Operation, Boolean> keepable = Caffeine.newBuilder().maximumSize(DOCUMENTS).build();

	private final JsonMapper mapper;

	KeptResponses(StoreVersion storeVersion, ObjectProvider<GraphQlSource> graphQlSource, JsonMapper mapper) {
		this.storeVersion = storeVersion;
		this.graphQlSource = graphQlSource;
		this.mapper = mapper;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Map<String, Object> attributes = request.getAttributes();
		if (!(attributes.get(Caller.KEY) instanceof Caller caller)
				|| !(attributes.get(Disclosure.KEY) instanceof Disclosure disclosure) || !overPlainHttp(request)) {
			return chain.next(request);
		}
		Operation operation = new Operation(request.getDocument(), request.getOperationName());
		if (!keepable.get(operation, this::keepable)) {
			return chain.next(request);
		}
		OptionalLong version = storeVersion.current();
		if (version.isEmpty()) {
			return chain.next(request);
		}
		Question question = new Question(caller.name(), caller.roles(), operation, request.getVariables());
		Answer answer = kept.getIfPresent(question);
		if (answer != null && answer.version() == version.getAsLong()) {
			disclosure.sameAs(answer.disclosure());
			return Mono.just(answered(request.toExecutionInput(), ExecutionResult.newExecutionResult().build(),
					new Json(null, answer.json(), null)));
		}
		return chain.next(request).map(response -> {
			if (!response.isValid() || !response.getErrors().isEmpty() || disclosure.outcome() != null
					|| !disclosure.denials().isEmpty()) {
				return response;
			}
			ToKeep toKeep = new ToKeep(question, version.getAsLong(), disclosure.copy());
			WebGraphQlResponse answered = answered(response.getExecutionInput(), response.getExecutionResult(),
					new Json(response.toMap(), null, toKeep));
			answered.getResponseHeaders().putAll(response.getResponseHeaders());
			return answered;
		});
	}

	/**
	 * Over HTTP, answered once: a subscription's events, or a socket's messages, are not
	 * written by {@link GraphQlResponses}.
	 */
	private static boolean overPlainHttp(WebGraphQlRequest request) {
		return request.getClass() == WebGraphQlRequest.class
				&& !request.getHeaders().getAccept().contains(MediaType.TEXT_EVENT_STREAM);
	}

	private WebGraphQlResponse answered(ExecutionInput input, ExecutionResult result, Json json) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, new Written(result, json)));
	}

	private void keep(ToKeep toKeep, byte[] json) {
		if (json.length <= MAX_ANSWER_BYTES) {
			kept.put(toKeep.question(), new Answer(toKeep.version(), json, toKeep.disclosure()));
		}
	}

	/**
	 * Whether the operation is a query of root fields kept until a write and nothing
	 * else, none asked to explain itself (its statements are run again).
	 */
	private boolean keepable(Operation operation) {
		GraphQLObjectType query = graphQlSource.getObject().schema().getQueryType();
		// Most documents name no such field: they are not parsed again here.
		boolean namesOne = query.getFieldDefinitions()
			.stream()
			.anyMatch(field -> field.hasAppliedDirective(DIRECTIVE) && operation.document().contains(field.getName()));
		if (!namesOne) {
			return false;
		}
		Document document;
		try {
			document = Parser.parse(operation.document());
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition chosen = operations.stream()
			.filter(definition -> operation.name() == null ? operations.size() == 1
					: operation.name().equals(definition.getName()))
			.findFirst()
			.orElse(null);
		if (chosen == null || chosen.getOperation() != OperationDefinition.Operation.QUERY) {
			return false;
		}
		for (Selection<?> selection : chosen.getSelectionSet().getSelections()) {
			if (!(selection instanceof Field field)
					|| field.getArguments().stream().anyMatch(argument -> argument.getName().equals("explain"))) {
				return false;
			}
			GraphQLFieldDefinition definition = query.getFieldDefinition(field.getName());
			if (definition == null || !definition.hasAppliedDirective(DIRECTIVE)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A document and the operation of it asked for (null: its only one).
	 */
	private record Operation(String document, String name) {
	}

	/**
	 * What decides an answer: who asks, with which roles, and what.
	 */
	private record Question(String caller, Set<Role> roles, Operation operation, Map<String, Object> variables) {
	}

	/**
	 * An answer as written, the store version it was read at and what its request
	 * disclosed.
	 */
	private record Answer(long version, byte[] json, Disclosure disclosure) {
	}

	/**
	 * An answer to keep once written.
	 */
	private record ToKeep(Question question, long version, Disclosure disclosure) {
	}

	/**
	 * An answer as a map, for whatever reads it so, that also knows its JSON: the JSON it
	 * was kept as, or that it is to be kept as once written.
	 */
	final class Json extends AbstractMap<String, Object> {

		private Map<String, Object> answer;

		private final byte[] kept;

		private final ToKeep toKeep;

		private Json(Map<String, Object> answer, byte[] kept, ToKeep toKeep) {
			this.answer = answer;
			this.kept = kept;
			this.toKeep = toKeep;
		}

		/** The answer's JSON: as kept, or written now and kept if it is to be. */
		byte[] write() {
			if (kept != null) {
				return kept;
			}
			byte[] written = mapper.writeValueAsBytes(answer);
			keep(toKeep, written);
			return written;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			if (answer == null) {
				answer = mapper.readValue(kept, new TypeReference<Map<String, Object>>() {
				});
			}
			return answer.entrySet();
		}

	}

	/**
	 * An execution's result whose specification is its {@link Json}.
	 */
	private record Written(ExecutionResult result, Json json) implements ExecutionResult {

		@Override
		public List<GraphQLError> getErrors() {
			return result.getErrors();
		}

		@Override
		public <T> T getData() {
			return result.getData();
		}

		@Override
		public boolean isDataPresent() {
			return json.kept != null || result.isDataPresent();
		}

		@Override
		public Map<Object, Object> getExtensions() {
			return result.getExtensions();
		}

		@Override
		public Map<String, Object> toSpecification() {
			return json;
		}

	}

}
