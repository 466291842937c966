package org.casegraph.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.Async;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.execution.ResultPath;
import graphql.execution.reactive.ReactiveSupport;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.util.FpKit;
import org.casegraph.security.AccessPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/**
 * Completes an object whose selected fields are all plain reads (a scalar, an enum or a
 * list of them, read as a property or a record's component) in one step, and a list of
 * such objects in one loop. graphql-java takes several steps a field: its parameters, its
 * step info, the instrumentation contexts and a combined future, and an answer of
 * thousands of small objects (a term list's hits over every person, a network's nodes and
 * edges) spent most of its time there (docs/benchmarks.md).
 * <p>
 * Which fields an object's selection reads, and how, is worked out once per selection in
 * a request ({@link Plan}), as the variables of a request can skip or include fields. A
 * field whose value is not plain in one object (its read fails, it is null where the
 * schema says non-null, it is a future, or it does not coerce) is completed the standard
 * way with the value already read, so its error and the access policy's notes come out as
 * they would have, and are not made twice. The data loaders' dispatch is told of each
 * object as graphql-java tells it, so batch loads elsewhere in the answer run when they
 * would have. Anything else (another instrumentation, incremental delivery, a bound on
 * result nodes) is left to graphql-java.
 */
class PlainObjects extends AsyncExecutionStrategy {

	private final AccessPolicy policy;

	PlainObjects(DataFetcherExceptionHandler errors, AccessPolicy policy) {
		super(errors);
		this.policy = policy;
	}

	@Override
	protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
			GraphQLObjectType type, Object source) {
		Plan plan = oneStep(context) ? plans(context).of(context, parameters.getField(), type) : null;
		if (plan == null) {
			return super.completeValueForObject(context, parameters, type, source);
		}
		return complete(context, parameters, () -> parameters, plan, source);
	}

	/**
	 * A list of objects of one type whose selection is plain, none of them null, is
	 * completed in one loop: graphql-java works out each item's path, step info and
	 * parameters, which only a field that is not plain needs (about 8% of a large
	 * answer's samples).
	 */
	@Override
	protected FieldValueInfo completeValueForList(ExecutionContext context, ExecutionStrategyParameters parameters,
			Iterable<Object> values) {
		GraphQLObjectType type = oneStep(context) ? itemType(parameters) : null;
		Plan plan = (type != null) ? plans(context).of(context, parameters.getField(), type) : null;
		List<Object> items = (plan != null) ? items(context, values) : null;
		if (items == null) {
			return super.completeValueForList(context, parameters, values);
		}
		return completeList(context, parameters, plan, items);
	}

	/**
	 * Whether objects may be completed in one step: with another instrumentation,
	 * incremental delivery or a bound on result nodes, graphql-java does it all.
	 */
	private static boolean oneStep(ExecutionContext context) {
		return context.getInstrumentation() instanceof OneInstrumentation && !context.hasIncrementalSupport()
				&& !context.getGraphQLContext().hasKey(ResultNodesInfo.MAX_RESULT_NODES);
	}

	/** A list field's items' type when it is an object type; null for any other. */
	private static GraphQLObjectType itemType(ExecutionStrategyParameters parameters) {
		if (!(parameters.getExecutionStepInfo().getUnwrappedNonNullType() instanceof GraphQLList list)) {
			return null;
		}
		return (GraphQLTypeUtil.unwrapNonNull(list.getWrappedType()) instanceof GraphQLObjectType type) ? type : null;
	}

	/**
	 * The items as graphql-java would complete them; null when one is null or carries its
	 * own errors or context, which graphql-java's completion handles.
	 */
	private static List<Object> items(ExecutionContext context, Iterable<Object> values) {
		List<Object> items = new ArrayList<>(FpKit.toSize(values).orElse(10));
		for (Object value : values) {
			Object item = context.getValueUnboxer().unbox(value);
			if (item == null || item instanceof DataFetcherResult<?>) {
				return null;
			}
			items.add(item);
		}
		return items;
	}

	private FieldValueInfo completeList(ExecutionContext context, ExecutionStrategyParameters parameters, Plan plan,
			List<Object> items) {
		ResultNodesInfo nodes = context.getResultNodesInfo();
		List<FieldValueInfo> completed = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			nodes.incrementAndGetResultNodesCount();
			Object source = items.get(i);
			int index = i;
			Object object = complete(context, parameters, () -> item(parameters, index, source), plan, source);
			completed.add(new FieldValueInfo(FieldValueInfo.CompleteValueType.OBJECT, object));
		}
		Object values = Async.eachPolymorphic(completed, FieldValueInfo::getFieldValueObject);
		if (values instanceof CompletableFuture<?> future) {
			CompletableFuture<Object> list = new CompletableFuture<>();
			future.whenComplete((done, failure) -> {
				if (failure != null) {
					handleValueException(list, failure, context);
					return;
				}
				list.complete(new ArrayList<>((List<?>) done));
			});
			values = list;
		}
		return new FieldValueInfo(FieldValueInfo.CompleteValueType.LIST, values, completed);
	}

	/** The parameters graphql-java would have completed a list's item with. */
	private ExecutionStrategyParameters item(ExecutionStrategyParameters list, int index, Object source) {
		ResultPath path = list.getPath().segment(index);
		ExecutionStepInfo step = executionStepInfoFactory
			.newExecutionStepInfoForListElement(list.getExecutionStepInfo(), path);
		return list.transform(builder -> builder.executionStepInfo(step).path(path).source(source));
	}

	/**
	 * One object's fields read in turn. The data loaders' dispatch is told of it at
	 * {@code level}'s parameters (a list's items are at the list's level); the object's
	 * own parameters are worked out only for a field that is not plain.
	 */
	private Object complete(ExecutionContext context, ExecutionStrategyParameters level,
			Supplier<ExecutionStrategyParameters> object, Plan plan, Object source) {
		context.getDataLoaderDispatcherStrategy().executeObject(context, level, plan.reads.length);
		ResultNodesInfo nodes = context.getResultNodesInfo();
		Object[] values = new Object[plan.reads.length];
		boolean pending = false;
		for (int i = 0; i < values.length; i++) {
			nodes.incrementAndGetResultNodesCount();
			Read read = plan.reads[i];
			Object value = read.value(context, plan.type, source,
					() -> environment(context, fetched(object.get(), plan, read, source), read.definition, plan.type));
			if (value instanceof Unusual unusual) {
				value = standard(context, fetched(object.get(), plan, read, source), read, plan.type, unusual);
			}
			pending |= value instanceof CompletableFuture<?>;
			values[i] = value;
		}
		context.getDataLoaderDispatcherStrategy().executeObjectOnFieldValuesInfo(List.of(), level);
		if (!pending) {
			return context.getResponseMapFactory().createInsertionOrdered(plan.keys, Arrays.asList(values));
		}
		return whenAll(context, plan.keys, values);
	}

	/** The object's map once its fields completed the standard way have completed. */
	private CompletableFuture<Map<String, Object>> whenAll(ExecutionContext context, List<String> keys,
			Object[] values) {
		CompletableFuture<?>[] futures = Arrays.stream(values)
			.filter(CompletableFuture.class::isInstance)
			.toArray(CompletableFuture<?>[]::new);
		CompletableFuture<Map<String, Object>> object = new CompletableFuture<>();
		CompletableFuture.allOf(futures).whenComplete((done, failure) -> {
			if (failure != null) {
				handleValueException(object, failure, context);
				return;
			}
			List<Object> completed = Arrays.stream(values)
				.map(value -> (value instanceof CompletableFuture<?> future) ? future.join() : value)
				.toList();
			object.complete(context.getResponseMapFactory().createInsertionOrdered(keys, completed));
		});
		return object;
	}

	/**
	 * One field completed as graphql-java's own strategy would after fetching it, with
	 * the value read (or the failure).
	 */
	private Object standard(ExecutionContext context, ExecutionStrategyParameters fetched, Read read,
			GraphQLObjectType type, Unusual unusual) {
		try {
			if (unusual instanceof Failure failure) {
				return afterFailure(context, fetched, read, type, failure.cause);
			}
			Object value = ((Unread) unusual).value;
			Object reactive = ReactiveSupport.fetchedObject(value);
			if (reactive instanceof CompletableFuture<?> future) {
				return future
					.handle((result, failure) -> (failure != null) ? afterFailure(context, fetched, read, type, failure)
							: completeField(context, fetched, unboxPossibleDataFetcherResult(context, fetched, result))
								.getFieldValueFuture())
					.thenCompose(completed -> completed);
			}
			FieldValueInfo completed = completeField(context, fetched,
					unboxPossibleDataFetcherResult(context, fetched, value));
			return completed.getFieldValueObject();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** A failed read handed to the exception handler, as graphql-java's fetch would. */
	private CompletableFuture<Object> afterFailure(ExecutionContext context, ExecutionStrategyParameters fetched,
			Read read, GraphQLObjectType type, Throwable failure) {
		DataFetchingEnvironment environment = environment(context, fetched, read.definition, type);
		return this.<Object>handleFetchingException(environment, fetched, failure)
			.thenCompose(
					result -> completeField(context, fetched, unboxPossibleDataFetcherResult(context, fetched, result))
						.getFieldValueFuture());
	}

	/**
	 * The parameters graphql-java would have fetched one field of the object with: built
	 * only for a field that is not plain, or a read that asks for its environment.
	 */
	private static ExecutionStrategyParameters fetched(ExecutionStrategyParameters parameters, Plan plan, Read read,
			Object source) {
		ExecutionStrategyParameters object = parameters.transform(builder -> builder
			.executionStepInfo(parameters.getExecutionStepInfo().changeTypeWithPreservedNonNull(plan.type))
			.fields(plan.selection)
			.source(source));
		MergedField field = plan.selection.getSubField(read.key);
		return object
			.transform(builder -> builder.field(field).path(object.getPath().segment(read.key)).parent(object));
	}

	/** A field's data fetching environment, as graphql-java builds it for a leaf. */
	private DataFetchingEnvironment environment(ExecutionContext context, ExecutionStrategyParameters fetched,
			GraphQLFieldDefinition definition, GraphQLObjectType type) {
		ExecutionStepInfo step = createExecutionStepInfo(context, fetched, definition, type);
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(context)
			.source(fetched.getSource())
			.localContext(fetched.getLocalContext())
			.arguments(step::getArguments)
			.fieldDefinition(definition)
			.mergedField(fetched.getField())
			.fieldType(definition.getType())
			.executionStepInfo(step)
			.parentType(type)
			.level(fetched.getPath().getLevel())
			.build();
	}

	private Plans plans(ExecutionContext context) {
		return context.getGraphQLContext().computeIfAbsent(Plans.class, key -> new Plans());
	}

	/**
	 * The plans of one request, by the selection's fields in its document and the type.
	 */
	private final class Plans {

		/** Marks a selection found not to be plain, as a map cannot hold null. */
		private static final Plan NONE = new Plan(null, null, null, new Read[0]);

		private final Map<Selection, Plan> plans = new ConcurrentHashMap<>();

		Plan of(ExecutionContext context, MergedField field, GraphQLObjectType type) {
			Plan plan = plans.computeIfAbsent(new Selection(field.getFields(), type),
					selection -> plan(context, field, type));
			return (plan == NONE) ? null : plan;
		}

		private Plan plan(ExecutionContext context, MergedField field, GraphQLObjectType type) {
			FieldCollectorParameters collecting = FieldCollectorParameters.newParameters()
				.schema(context.getGraphQLSchema())
				.objectType(type)
				.fragments(context.getFragmentsByName())
				.variables(context.getCoercedVariables().toMap())
				.graphQLContext(context.getGraphQLContext())
				.build();
			MergedSelectionSet selection = fieldCollector.collectFields(collecting, field, false);
			List<String> keys = selection.getKeys();
			Read[] reads = new Read[keys.size()];
			for (int i = 0; i < reads.length; i++) {
				reads[i] = read(context, type, keys.get(i), selection.getSubField(keys.get(i)));
				if (reads[i] == null) {
					return NONE;
				}
			}
			return new Plan(type, selection, keys, reads);
		}

		private Read read(ExecutionContext context, GraphQLObjectType type, String key, MergedField field) {
			GraphQLFieldDefinition definition = getFieldDef(context.getGraphQLSchema(), type, field.getSingleField());
			if (definition == Introspection.TypeNameMetaFieldDef) {
				return new Read(key, definition, null);
			}
			LightDataFetcher<?> fetcher = policy.withoutEnvironment(
					context.getGraphQLSchema().getCodeRegistry().getDataFetcher(type, definition),
					context.getGraphQLContext());
			if (fetcher == null) {
				return null;
			}
			Read read = new Read(key, definition, fetcher);
			return (read.leaf == null) ? null : read;
		}

	}

	/**
	 * The fields of a selection in the document (compared as the same nodes, not equal
	 * ones) and the type they are read from.
	 */
	private record Selection(List<Field> fields, GraphQLObjectType type) {

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof Selection that) || that.type != type || that.fields.size() != fields.size()) {
				return false;
			}
			for (int i = 0; i < fields.size(); i++) {
				if (that.fields.get(i) != fields.get(i)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public int hashCode() {
			int hash = System.identityHashCode(type);
			for (Field each : fields) {
				hash = 31 * hash + System.identityHashCode(each);
			}
			return hash;
		}

	}

	/** A plain selection: the fields collected for the type, and how each is read. */
	private record Plan(GraphQLObjectType type, MergedSelectionSet selection, List<String> keys, Read[] reads) {
	}

	/** What a plain field's value is made of. */
	private enum Leaf {

		SCALAR, ENUM, TYPE_NAME;

		static Leaf of(GraphQLType type) {
			if (type instanceof GraphQLScalarType) {
				return SCALAR;
			}
			return (type instanceof GraphQLEnumType) ? ENUM : null;
		}

	}

	/** GraphQL's built-in scalars whose values may serialize as themselves. */
	private enum BuiltIn {

		INT, STRING, BOOLEAN, FLOAT, NONE;

		static BuiltIn of(GraphQLType type) {
			if (type == Scalars.GraphQLInt) {
				return INT;
			}
			if (type == Scalars.GraphQLString || type == Scalars.GraphQLID) {
				return STRING;
			}
			if (type == Scalars.GraphQLBoolean) {
				return BOOLEAN;
			}
			return (type == Scalars.GraphQLFloat) ? FLOAT : NONE;
		}

	}

	/** A field's read that is completed the standard way. */
	private sealed interface Unusual permits Failure, Unread {

	}

	/** A read that failed. */
	private record Failure(Throwable cause) implements Unusual {
	}

	/** A value read that is not plain here. */
	private record Unread(Object value) implements Unusual {
	}

	/** How one plain field is read and coerced. */
	private static final class Read {

		/** What {@link #plain} gives for a value that is not plain here. */
		private static final Object NOT_PLAIN = new Object();

		final String key;

		final GraphQLFieldDefinition definition;

		private final LightDataFetcher<?> fetcher;

		/** What the value is made of; null when it is not a leaf or a list of leaves. */
		final Leaf leaf;

		/** Whether the field is a list whose items may not be null. */
		private final boolean listOfNonNull;

		private final boolean list;

		private final boolean nonNull;

		private final GraphQLType leafType;

		private final BuiltIn builtIn;

		/** A read of the field by {@code fetcher}, or of the type's name without one. */
		Read(String key, GraphQLFieldDefinition definition, LightDataFetcher<?> fetcher) {
			this.key = key;
			this.definition = definition;
			this.fetcher = fetcher;
			this.nonNull = definition.getType() instanceof GraphQLNonNull;
			GraphQLType value = GraphQLTypeUtil.unwrapNonNull(definition.getType());
			this.list = value instanceof GraphQLList;
			this.listOfNonNull = list && ((GraphQLList) value).getWrappedType() instanceof GraphQLNonNull;
			this.leafType = list ? GraphQLTypeUtil.unwrapNonNull(((GraphQLList) value).getWrappedType()) : value;
			this.leaf = (definition == Introspection.TypeNameMetaFieldDef) ? Leaf.TYPE_NAME : Leaf.of(leafType);
			this.builtIn = BuiltIn.of(leafType);
		}

		/** The field's completed value, or what was read when it is {@link Unusual}. */
		Object value(ExecutionContext context, GraphQLObjectType type, Object source,
				Supplier<DataFetchingEnvironment> environment) {
			if (leaf == Leaf.TYPE_NAME) {
				return type.getName();
			}
			Object read;
			try {
				read = fetcher.get(definition, source, environment);
			}
			catch (Exception ex) {
				return new Failure(ex);
			}
			read = context.getValueUnboxer().unbox(read);
			Object value = plain(context, read);
			return (value == NOT_PLAIN) ? new Unread(read) : value;
		}

		private Object plain(ExecutionContext context, Object read) {
			if (read == null) {
				return nonNull ? NOT_PLAIN : null;
			}
			if (read instanceof CompletableFuture<?> || read instanceof DataFetcherResult<?>) {
				return NOT_PLAIN;
			}
			if (!list) {
				return coerce(context, read);
			}
			if (!FpKit.isIterable(read)) {
				return NOT_PLAIN;
			}
			List<Object> items = new ArrayList<>();
			for (Object each : FpKit.toIterable(read)) {
				Object item = context.getValueUnboxer().unbox(each);
				Object value = (item == null) ? null : coerce(context, item);
				if (value == NOT_PLAIN || (value == null && listOfNonNull)) {
					return NOT_PLAIN;
				}
				items.add(value);
			}
			// Counted once the list is plain: otherwise its standard completion counts
			// them.
			ResultNodesInfo nodes = context.getResultNodesInfo();
			items.forEach(item -> nodes.incrementAndGetResultNodesCount());
			return items;
		}

		/**
		 * A value of one of GraphQL's built-in scalars that serializes as itself, as
		 * graphql-java's coercion would give it; null for any other. The database gives
		 * whole numbers as {@code Long}, which graphql-java's {@code Int} turns into an
		 * integer by way of its text and a {@code BigDecimal}: an eighth of a large
		 * answer's time.
		 */
		private Object builtIn(Object value) {
			return switch (builtIn) {
				case INT ->
					(value instanceof Integer) ? value : (value instanceof Long whole && whole == (int) (long) whole)
							? (Integer) (int) (long) whole : null;
				case STRING -> (value instanceof String) ? value : null;
				case BOOLEAN -> (value instanceof Boolean) ? value : null;
				case FLOAT -> (value instanceof Double real && Double.isFinite(real)) ? value : null;
				case NONE -> null;
			};
		}

		/** A leaf's value serialized, or {@link #NOT_PLAIN} where it does not coerce. */
		private Object coerce(ExecutionContext context, Object value) {
			Object builtIn = builtIn(value);
			if (builtIn != null) {
				return builtIn;
			}
			GraphQLContext graphQl = context.getGraphQLContext();
			try {
				Object serialized = (leaf == Leaf.SCALAR)
						? ((GraphQLScalarType) leafType).getCoercing().serialize(value, graphQl, context.getLocale())
						: ((GraphQLEnumType) leafType).serialize(value, graphQl, context.getLocale());
				return (serialized == null) ? NOT_PLAIN : serialized;
			}
			catch (RuntimeException ex) {
				return NOT_PLAIN;
			}
		}

	}

	/** Puts this strategy in place of graphql-java's for queries. */
	@Configuration(proxyBeanMethods = false)
	static class InPlaceOfTheDefault {

		/**
		 * The strategy hands a failed read to the same exception handler Spring builds
		 * for graphql-java's default strategies: one made from every exception resolver
		 * bean, in order.
		 */
		@Bean
		GraphQlSourceBuilderCustomizer plainObjects(ObjectProvider<DataFetcherExceptionResolver> resolvers,
				AccessPolicy policy) {
			return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(new PlainObjects(
					DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()), policy)));
		}

	}

}
