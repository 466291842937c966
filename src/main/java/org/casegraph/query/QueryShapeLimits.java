package org.casegraph.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLAppliedDirective;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses GraphQL documents that are too deep, select too many fields or may return too
 * many nodes before anything runs, with a LIMIT_EXCEEDED error naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class QueryShapeLimits {

	/**
	 * The three limits in one instrumentation, each checked when the operation begins,
	 * before any field runs.
	 */
	@Bean
	ShapeLimits shapeLimits(Limits limits) {
		return new ShapeLimits(List.of(maxQueryDepth(limits), maxQueryComplexity(limits), maxQueryCost(limits)));
	}

	private static MaxQueryDepthInstrumentation maxQueryDepth(Limits limits) {
		return new MaxQueryDepthInstrumentation(limits.queryDepth()) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return refused("The query is %d levels deep; the limit is %d".formatted(depth, maxDepth),
						"casegraph.limits.query-depth", maxDepth);
			}
		};
	}

	private static MaxQueryComplexityInstrumentation maxQueryComplexity(Limits limits) {
		return new MaxQueryComplexityInstrumentation(limits.queryComplexity()) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return refused("The query selects %d fields; the limit is %d".formatted(complexity, maxComplexity),
						"casegraph.limits.query-complexity", maxComplexity);
			}
		};
	}

	/**
	 * Weighs each field the schema marks {@code @cost} by what may bound its answer, so
	 * that many aliased whole-store networks are refused before the first one runs.
	 */
	private static MaxQueryComplexityInstrumentation maxQueryCost(Limits limits) {
		return new MaxQueryComplexityInstrumentation(limits.queryCostLimit(),
				(field, children) -> cost(field, limits) + children) {
			@Override
			protected AbortExecutionException mkAbortException(int cost, int maxCost) {
				return refused(
						"The query may return %d nodes (each network counted at what may bound it); the limit is %d"
							.formatted(cost, maxCost),
						"casegraph.limits.query-cost", maxCost);
			}
		};
	}

	/** How many nodes a field may return, by its {@code @cost} directive; 0 unmarked. */
	static int cost(FieldComplexityEnvironment field, Limits limits) {
		GraphQLAppliedDirective cost = field.getFieldDefinition().getAppliedDirective("cost");
		if (cost == null) {
			return 0;
		}
		int whole = limits.graphNodes();
		return switch (String.valueOf(cost.getArgument("bound").<Object>getValue())) {
			case "LIMIT" -> Math.min(whole, number(field, "limit", whole));
			// As many paths as asked for, or as many as a path query returns at most.
			case "PATHS" -> (int) Math.min(whole,
					(long) number(field, "k", Limits.MOST_PATHS) * (number(field, "maxLength", 0) + 1));
			default -> whole;
		};
	}

	private static int number(FieldComplexityEnvironment field, String argument, int otherwise) {
		Object value = field.getArguments().get(argument);
		return (value instanceof Number number) ? Math.max(0, number.intValue()) : otherwise;
	}

	private static AbortExecutionException refused(String message, String setting, int limit) {
		GraphQLError error = GraphQLError.newError()
			.errorType(QueryErrors.LIMIT_EXCEEDED)
			.message(message + " (" + setting + ")")
			.extensions(Map.of("limit", setting, "value", String.valueOf(limit)))
			.build();
		return new AbortExecutionException(List.of(error));
	}

	/**
	 * The query depth, field count and cost limits: they act once an operation begins and
	 * on no field.
	 * <p>
	 * Each limit walks the whole operation (together about 2% of the CPU of a page of 50
	 * officers with their memberships, units and stations), and what they find depends on
	 * the query, the operation and its variables alone. So an operation found within them
	 * is not walked again when it is asked again with the same variables; one refused is,
	 * and refused as before.
	 */
	static final class ShapeLimits extends ChainedInstrumentation {

		private static final int OPERATIONS = 1_000;

		private final Cache<Operation, Boolean> within = Caffeine.newBuilder().maximumSize(OPERATIONS).build();

		ShapeLimits(List<Instrumentation> limits) {
			super(limits);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			ExecutionContext context = parameters.getExecutionContext();
			Operation operation = new Operation(context.getExecutionInput().getQuery(),
					context.getOperationDefinition().getName(), new HashMap<>(context.getCoercedVariables().toMap()));
			if (within.getIfPresent(operation) != null) {
				return SimpleInstrumentationContext.noOp();
			}
			InstrumentationContext<ExecutionResult> checked = super.beginExecuteOperation(parameters, state);
			within.put(operation, Boolean.TRUE);
			return checked;
		}

		/**
		 * What the limits depend on.
		 *
		 * @param query the document's text
		 * @param name the operation's name (null for the only one)
		 * @param variables its variables, coerced
		 */
		private record Operation(String query, String name, Map<String, Object> variables) {
		}

	}

}
