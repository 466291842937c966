package org.casegraph.query;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.casegraph.query.QueryShapeLimits.ShapeLimits;
import org.casegraph.security.AccessPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * The shape limits and the access policy as GraphQL's one instrumentation. Spring hands
 * GraphQL a chain of every {@link Instrumentation} bean, and graphql-java calls each
 * member of a chain on every field of an answer, with state and context objects of its
 * own. Only the access policy acts on fields; the limits act once, when the operation
 * begins. With five members (three limits, the policy, and the observations that are off
 * by default) the chain took about a fifth of a large answer's time (docs/benchmarks.md).
 * The chain stays when GraphQL observations are switched on or another instrumentation is
 * added, so that neither is dropped.
 */
final class OneInstrumentation extends SimplePerformantInstrumentation {

	private final ShapeLimits limits;

	private final AccessPolicy policy;

	OneInstrumentation(ShapeLimits limits, AccessPolicy policy) {
		this.limits = limits;
		this.policy = policy;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return limits.createStateAsync(parameters);
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		return limits.beginValidation(parameters, state);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		return limits.beginExecuteOperation(parameters, state);
	}

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext context,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return policy.instrumentExecutionContext(context, parameters, null);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return policy.instrumentDataFetcher(fetcher, parameters, null);
	}

	/** Puts the one instrumentation in place of Spring's chain, where nothing is lost. */
	@Configuration(proxyBeanMethods = false)
	static class InPlaceOfTheChain {

		@Bean
		GraphQlSourceBuilderCustomizer oneInstrumentation(List<Instrumentation> all, ShapeLimits limits,
				AccessPolicy policy, ObjectProvider<ObservationRegistry> observations) {
			if (!replaces(all, limits, policy, observed(observations))) {
				return builder -> {
				};
			}
			OneInstrumentation one = new OneInstrumentation(limits, policy);
			return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(one));
		}

		/**
		 * Whether the one instrumentation does all that the chain of {@code all} would:
		 * every other member is the observations' instrumentation, with observations off.
		 */
		static boolean replaces(List<Instrumentation> all, ShapeLimits limits, AccessPolicy policy, boolean observed) {
			return all.stream()
				.allMatch(each -> each == limits || each == policy
						|| (each instanceof GraphQlObservationInstrumentation && !observed));
		}

		/** Whether GraphQL requests or their data fetchers would be observed. */
		private static boolean observed(ObjectProvider<ObservationRegistry> observations) {
			ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
			return !Observation.createNotStarted("graphql.request", registry).isNoop()
					|| !Observation.createNotStarted("graphql.datafetcher", registry).isNoop();
		}

	}

}
