package org.casegraph.security;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;

import org.springframework.beans.factory.annotation.Value;
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
		String type = ((GraphQLNamedType) parameters.getExecutionStepInfo().getObjectType()).getName();
		GraphQLFieldDefinition field = parameters.getField();
		return switch (check(type, field)) {
			case GRAPH_VALUE -> env -> graphValue(env, field.getName(), fetcher.get(env));
			case SENSITIVE -> env -> fieldValue(env, type, field.getName(), fetcher.get(env));
			case ID -> env -> returned(env, fetcher.get(env));
			case GUARDED -> guarded(fetcher, type, field);
			case NONE -> fetcher;
		};
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

	private Object fieldValue(DataFetchingEnvironment env, String type, String field, Object value) {
		if (value == null) {
			return null;
		}
		Caller caller = caller(env);
		String coordinate = type + "." + field;
		if (!SensitiveFields.cleared(caller)) {
			disclosure(env).redacted(coordinate);
			return SensitiveFields.PLACEHOLDER;
		}
		requireJustification(caller, coordinate);
		disclosure(env).disclosed(coordinate, String.valueOf(property(env.getSource(), "id")));
		return value;
	}

	@SuppressWarnings("unchecked")
	private Object graphValue(DataFetchingEnvironment env, String field, Object value) {
		Object source = env.getSource();
		String kind = String.valueOf(property(source, "kind"));
		Set<String> fields = sensitive.of(kind);
		if (value == null || fields.isEmpty()) {
			return value;
		}
		Caller caller = caller(env);
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
				disclosure(env).disclosed(coordinate, id);
			}
			else {
				shown.put(name, SensitiveFields.PLACEHOLDER);
				disclosure(env).redacted(coordinate);
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

	private Object returned(DataFetchingEnvironment env, Object id) {
		if (id != null) {
			disclosure(env).returned(String.valueOf(id));
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
		Caller caller = env.getGraphQlContext().get(Caller.KEY);
		return (caller != null) ? caller : Caller.NOBODY;
	}

	private static Disclosure disclosure(DataFetchingEnvironment env) {
		Disclosure disclosure = env.getGraphQlContext().get(Disclosure.KEY);
		if (disclosure == null) {
			disclosure = new Disclosure();
			env.getGraphQlContext().put(Disclosure.KEY, disclosure);
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

}
