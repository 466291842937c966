package org.casegraph.query;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses GraphQL documents that are too deep or select too many fields before anything
 * runs, with a LIMIT_EXCEEDED error naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class QueryShapeLimits {

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(Limits limits) {
		return new MaxQueryDepthInstrumentation(limits.queryDepth()) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return refused("The query is %d levels deep; the limit is %d".formatted(depth, maxDepth),
						"casegraph.limits.query-depth", maxDepth);
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(Limits limits) {
		return new MaxQueryComplexityInstrumentation(limits.queryComplexity()) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return refused("The query selects %d fields; the limit is %d".formatted(complexity, maxComplexity),
						"casegraph.limits.query-complexity", maxComplexity);
			}
		};
	}

	private static AbortExecutionException refused(String message, String setting, int limit) {
		GraphQLError error = GraphQLError.newError()
			.errorType(QueryErrors.LIMIT_EXCEEDED)
			.message(message + " (" + setting + ")")
			.extensions(Map.of("limit", setting, "value", String.valueOf(limit)))
			.build();
		return new AbortExecutionException(List.of(error));
	}

}
