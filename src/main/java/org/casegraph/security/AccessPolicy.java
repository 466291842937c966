package org.casegraph.security;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitor;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The access policy of every GraphQL request, in one place, whatever route runs it
 * ({@code /graphql}, the {@code /graph/*} downloads): which role a field needs, which
 * arguments would probe a sensitive field, and what a sensitive field reads as. A
 * sensitive field ({@link SensitiveFields}) reads as the placeholder for a caller without
 * the investigator role wherever it appears: as a field of its type, and among the
 * properties and in the label of a node of that kind in a network result. Every value
 * given out or withheld is noted in the request's {@link Disclosure}, with the ids of the
 * entities returned.
 * <p>
 * graphql-java reads a property or a record's component (a trivial data fetcher) without
 * building the field's data fetching environment, and a large answer is thousands of such
 * reads. The policy finds the fields it acts on once, as the schema is built
 * ({@link #fieldsActedOn()}), and wraps those read trivially in a fetch that needs only
 * the request's context and the source object; every other trivial read is left as it is,
 * without an environment. Looking each field up as it was fetched built its environment:
 * a third of the memory a large answer took (docs/benchmarks.md).
 */
@Component
public class AccessPolicy extends SimplePerformantInstrumentation {

	/** Fields a role below the one named may not ask for. */
	private static final Map<String, Role> FIELD_ROLES = Map.of("Query.runReport", Role.ANALYST, "Query.reports",
			Role.ANALYST);

	/** The properties the full-text index behind {@code search} covers. */
	private static final Set<String> FULL_TEXT = Set.of("name", "body", "title", "text", "headline");

	private static final Set<String> GRAPH_TYPES = Set.of("GraphNode", "GraphEdge");

	private final SensitiveFields sensitive;

	private final Map<String, Map<String, Check>> checks = new ConcurrentHashMap<>();

	private final boolean justificationRequired;

	/**
	 * Whether {@link #fieldsActedOn()} has visited the schema, so that a trivial fetch it
	 * did not wrap needs nothing; until then every field is looked up as it is fetched.
	 */
	private volatile boolean schemaVisited;

	AccessPolicy(SensitiveFields sensitive,
			@Value("${casegraph.audit.justification-required:false}") boolean justificationRequired) {
		this.sensitive = sensitive;
		this.justificationRequired = justificationRequired;
	}

	/**
	 * Whether a request that would disclose a sensitive field must carry a justification
	 * ({@code casegraph.audit.justification-required}).
	 */
	public boolean justificationRequired() {
		return justificationRequired;
	}

	/** The operation's name goes into the disclosure, for the audit trail. */
	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext context,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		Disclosure disclosure = context.getGraphQLContext().get(Disclosure.KEY);
		if (disclosure != null && context.getOperationDefinition() != null
				&& context.getOperationDefinition().getName() != null) {
			disclosure.operation(context.getOperationDefinition().getName());
		}
		return context;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (fetcher instanceof Governed governed) {
			return governed.in(parameters.getExecutionContext().getGraphQLContext());
		}
		// Looking the field up (its step info) builds the environment that a trivial
		// read is spared.
		if (schemaVisited && parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		String type = ((GraphQLNamedType) parameters.getExecutionStepInfo().getObjectType()).getName();
		GraphQLFieldDefinition field = parameters.getField();
		Check check = check(type, field);
		return switch (check) {
			case GRAPH_VALUE, SENSITIVE, ID -> new Governed(type, field, check, fetcher);
			case GUARDED -> guarded(fetcher, type, field);
			case NONE -> fetcher;
		};
	}

	/**
	 * The fetch {@link #instrumentDataFetcher} would give a field, bound to a request's
	 * context, when it reads the field without its data fetching environment: a trivial
	 * read the policy does not act on, or one it acts on with the source object alone.
	 * Null when the fetch needs the environment (a controller, a batch load, a role or
	 * argument to check), which is then built and instrumented as usual.
	 */
	public LightDataFetcher<?> withoutEnvironment(DataFetcher<?> fetcher, GraphQLContext context) {
		if (fetcher instanceof Governed governed) {
			return (governed.check == Check.GUARDED) ? null : (LightDataFetcher<?>) governed.in(context);
		}
		if (schemaVisited && fetcher instanceof TrivialDataFetcher<?> && fetcher instanceof LightDataFetcher<?> light) {
			return light;
		}
		return null;
	}

	/**
	 * The schema visitor that wraps each field the policy acts on and graphql-java reads
	 * trivially in a {@link Governed} fetch, in the code registry the schema is built
	 * with. The fields of other fetchers (controllers, batch loaders) are looked up as
	 * they are fetched: their environment is built for them anyway.
	 */
	public GraphQLTypeVisitor fieldsActedOn() {
		return new GraphQLTypeVisitorStub() {
			@Override
			public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
					TraverserContext<GraphQLSchemaElement> context) {
				GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
				for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
					FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
					DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
					Check check = check(type.getName(), field);
					if (check != Check.NONE && fetcher instanceof TrivialDataFetcher<?>
							&& !(fetcher instanceof Governed)) {
						registry.dataFetcher(coordinates, new Governed(type.getName(), field, check, fetcher));
					}
				}
				schemaVisited = true;
				return TraversalControl.CONTINUE;
			}
		};
	}

	/**
	 * A field the policy acts on. Wrapped around a trivial read as the schema is built
	 * and bound to a request's context ({@link #in}), it reads the value as graphql-java
	 * would have and acts on it with the source object alone; called unbound (a field
	 * looked up as it is fetched), it acts through the environment.
	 */
	private final class Governed implements LightDataFetcher<Object> {

		private final String type;

		private final GraphQLFieldDefinition field;

		private final Check check;

		private final DataFetcher<?> fetcher;

		Governed(String type, GraphQLFieldDefinition field, Check check, DataFetcher<?> fetcher) {
			this.type = type;
			this.field = field;
			this.check = check;
			this.fetcher = fetcher;
		}

		DataFetcher<?> in(GraphQLContext context) {
			if (check == Check.GUARDED) {
				return guarded(fetcher, type, field);
			}
			return new LightDataFetcher<>() {
				@Override
				public Object get(GraphQLFieldDefinition definition, Object source,
						Supplier<DataFetchingEnvironment> env) throws Exception {
					Object value = (fetcher instanceof LightDataFetcher<?> light) ? light.get(definition, source, env)
							: fetcher.get(env.get());
					return act(context, source, value);
				}

				@Override
				public Object get(DataFetchingEnvironment env) throws Exception {
					return Governed.this.get(env);
				}
			};
		}

		@Override
		public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> env)
				throws Exception {
			return get(env.get());
		}

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			if (check == Check.GUARDED) {
				return guarded(fetcher, type, field).get(env);
			}
			return act(env.getGraphQlContext(), env.getSource(), fetcher.get(env));
		}

		private Object act(GraphQLContext context, Object source, Object value) {
			return switch (check) {
				case GRAPH_VALUE -> graphValue(context, source, field.getName(), value);
				case SENSITIVE -> fieldValue(context, source, type, field.getName(), value);
				case ID -> returned(context, value);
				case GUARDED, NONE -> value;
			};
		}

	}

	/**
	 * What a field of a type needs, worked out once: asked for every field of every
	 * object a request returns (thousands for a network result).
	 */
	private Check check(String type, GraphQLFieldDefinition field) {
		return checks.computeIfAbsent(type, name -> new ConcurrentHashMap<>())
			.computeIfAbsent(field.getName(), name -> checkOf(type, field));
	}

	private Check checkOf(String type, GraphQLFieldDefinition field) {
		String name = field.getName();
		if (GRAPH_TYPES.contains(type) && (name.equals("properties") || name.equals("label"))) {
			return Check.GRAPH_VALUE;
		}
		if (sensitive.isSensitive(type, name)) {
			return Check.SENSITIVE;
		}
		if (name.equals("id")) {
			return Check.ID;
		}
		return Guard.of(type, field).any() ? Check.GUARDED : Check.NONE;
	}

	private DataFetcher<?> guarded(DataFetcher<?> fetcher, String type, GraphQLFieldDefinition field) {
		Guard guard = Guard.of(type, field);
		String coordinate = type + "." + field.getName();
		return env -> {
			Caller caller = caller(env);
			require(caller, guard.needed(), coordinate);
			if (guard.explains() && Boolean.TRUE.equals(env.getArgument("explain"))) {
				require(caller, Role.ANALYST, "argument 'explain'");
			}
			if (guard.filters() && !SensitiveFields.cleared(caller)) {
				refuseSensitiveFilters(env.getArgument("where"), whereType(env));
			}
			if (guard.searches() && !SensitiveFields.cleared(caller)) {
				refuseSensitiveSearch();
			}
			return fetcher.get(env);
		};
	}

	/**
	 * What a field's fetch checks besides redaction.
	 *
	 * @param needed the role it needs (null: any)
	 * @param explains whether it takes the explain argument (the analyst role)
	 * @param filters whether it takes a filter (none on a sensitive field below
	 * investigator)
	 * @param searches whether it is the search (refused below investigator when it covers
	 * a sensitive field)
	 */
	private record Guard(Role needed, boolean explains, boolean filters, boolean searches) {

		static Guard of(String type, GraphQLFieldDefinition field) {
			String name = field.getName();
			return new Guard(FIELD_ROLES.get(type + "." + name), field.getArgument("explain") != null,
					field.getArgument("where") != null, type.equals("Query") && name.equals("search"));
		}

		boolean any() {
			return needed != null || explains || filters || searches;
		}

	}

	/** What the fetch of a field is wrapped in. */
	private enum Check {

		/**
		 * A network result's node or edge properties or label: sensitive ones redacted.
		 */
		GRAPH_VALUE,

		/** A sensitive field: redacted, or disclosed and noted. */
		SENSITIVE,

		/** An id: noted as returned. */
		ID,

		/** A role, the explain argument, a filter or a search to check. */
		GUARDED,

		/** Nothing. */
		NONE

	}

	private Object fieldValue(GraphQLContext context, Object source, String type, String field, Object value) {
		if (value == null) {
			return null;
		}
		Caller caller = caller(context);
		String coordinate = type + "." + field;
		if (!SensitiveFields.cleared(caller)) {
			disclosure(context).redacted(coordinate);
			return SensitiveFields.PLACEHOLDER;
		}
		requireJustification(caller, coordinate);
		disclosure(context).disclosed(coordinate, String.valueOf(property(source, "id")));
		return value;
	}

	@SuppressWarnings("unchecked")
	private Object graphValue(GraphQLContext context, Object source, String field, Object value) {
		String kind = String.valueOf(property(source, "kind"));
		Set<String> fields = sensitive.of(kind);
		if (value == null || fields.isEmpty()) {
			return value;
		}
		Caller caller = caller(context);
		String id = String.valueOf(property(source, "id"));
		Map<String, Object> properties = (Map<String, Object>) property(source, "properties");
		if (field.equals("label")) {
			boolean fromSensitive = fields.stream()
				.anyMatch(name -> derivedFrom(String.valueOf(value), properties.get(name)));
			return (fromSensitive && !SensitiveFields.cleared(caller)) ? id : value;
		}
		Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) value);
		for (String name : fields) {
			if (!shown.containsKey(name) || shown.get(name) == null) {
				continue;
			}
			String coordinate = kind + "." + name;
			if (SensitiveFields.cleared(caller)) {
				requireJustification(caller, coordinate);
				disclosure(context).disclosed(coordinate, id);
			}
			else {
				shown.put(name, SensitiveFields.PLACEHOLDER);
				disclosure(context).redacted(coordinate);
			}
		}
		return shown;
	}

	/**
	 * Whether a label was made from a value: the value itself, or its start cut short.
	 */
	private static boolean derivedFrom(String label, Object value) {
		if (!(value instanceof String text) || text.isEmpty()) {
			return false;
		}
		String stem = label.endsWith("...") ? label.substring(0, label.length() - 3) : label;
		return label.equals(text) || (!stem.isEmpty() && text.startsWith(stem));
	}

	private Object returned(GraphQLContext context, Object id) {
		if (id != null) {
			disclosure(context).returned(String.valueOf(id));
		}
		return id;
	}

	private static void require(Caller caller, Role role, String what) {
		if (role != null && !caller.has(role)) {
			throw new ForbiddenException(what + " needs the " + role.name().toLowerCase() + " role");
		}
	}

	private void requireJustification(Caller caller, String coordinate) {
		if (justificationRequired && (caller.justification() == null || caller.justification().isBlank())) {
			throw new ForbiddenException(coordinate
					+ " is disclosed only with a justification: send it in the X-Casegraph-Justification header",
					"JUSTIFICATION_REQUIRED");
		}
	}

	@SuppressWarnings("unchecked")
	private void refuseSensitiveFilters(Object where, String type) {
		if (!(where instanceof Map<?, ?> conditions) || type == null) {
			return;
		}
		for (Map.Entry<String, Object> condition : ((Map<String, Object>) conditions).entrySet()) {
			String key = condition.getKey();
			if (key.equalsIgnoreCase("and") || key.equalsIgnoreCase("or") || key.equalsIgnoreCase("not")) {
				Object nested = condition.getValue();
				if (nested instanceof Iterable<?> list) {
					list.forEach(each -> refuseSensitiveFilters(each, type));
				}
				else {
					refuseSensitiveFilters(nested, type);
				}
			}
			else if (sensitive.isSensitive(type, key)) {
				throw new ForbiddenException("Argument 'where." + key + "': " + type + "." + key
						+ " is a sensitive field; filtering on it needs the investigator role");
			}
		}
	}

	private void refuseSensitiveSearch() {
		for (String coordinate : sensitive.all()) {
			if (FULL_TEXT.contains(coordinate.substring(coordinate.indexOf('.') + 1))) {
				throw new ForbiddenException("Argument 'text': the full-text search covers " + coordinate
						+ ", a sensitive field; searching needs the investigator role");
			}
		}
	}

	/**
	 * The type a {@code where} argument filters: {@code MessageWhere} filters Message.
	 */
	private static String whereType(DataFetchingEnvironment env) {
		var argument = env.getFieldDefinition().getArgument("where");
		String input = ((GraphQLNamedType) graphql.schema.GraphQLTypeUtil.unwrapAll(argument.getType())).getName();
		return input.endsWith("Where") ? input.substring(0, input.length() - "Where".length()) : null;
	}

	static Caller caller(DataFetchingEnvironment env) {
		return caller(env.getGraphQlContext());
	}

	private static Caller caller(GraphQLContext context) {
		Caller caller = context.get(Caller.KEY);
		return (caller != null) ? caller : Caller.NOBODY;
	}

	private static Disclosure disclosure(GraphQLContext context) {
		Disclosure disclosure = context.get(Disclosure.KEY);
		if (disclosure == null) {
			disclosure = new Disclosure();
			context.put(Disclosure.KEY, disclosure);
		}
		return disclosure;
	}

	/** A property of a result object: a map's entry or a record's component. */
	private static Object property(Object source, String name) {
		if (source instanceof Map<?, ?> map) {
			return map.get(name);
		}
		try {
			Method accessor = source.getClass().getMethod(name);
			return accessor.invoke(source);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	/** Lets the policy visit the schema as it is built. */
	@Configuration(proxyBeanMethods = false)
	static class SchemaVisit {

		@Bean
		GraphQlSourceBuilderCustomizer accessPolicyFields(AccessPolicy policy) {
			return builder -> builder.typeVisitors(List.of(policy.fieldsActedOn()));
		}

	}

}
