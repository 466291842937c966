package org.casegraph.query;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.security.ForbiddenException;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Classifies the errors a client can fix, so they arrive with their message instead of
 * INTERNAL_ERROR: BAD_REQUEST for arguments, LIMIT_EXCEEDED for guard rails, FORBIDDEN
 * for what the caller's role does not allow.
 */
@Component
class QueryErrors extends DataFetcherExceptionResolverAdapter {

	/** The classification of a request refused by a guard rail. */
	static final ErrorClassification LIMIT_EXCEEDED = ErrorClassification.errorClassification("LIMIT_EXCEEDED");

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof LimitExceededException limit) {
			return error(env, limit.getMessage(), LIMIT_EXCEEDED)
				.extensions(Map.of("limit", limit.setting(), "value", String.valueOf(limit.limit())))
				.build();
		}
		if (ex instanceof ForbiddenException forbidden) {
			GraphQLError.Builder<?> error = error(env, forbidden.getMessage(), ErrorType.FORBIDDEN);
			return (forbidden.code() == null) ? error.build()
					: error.extensions(Map.of("code", forbidden.code())).build();
		}
		if (ex instanceof BadRequestException) {
			return error(env, ex.getMessage(), ErrorType.BAD_REQUEST).build();
		}
		return null;
	}

	private static GraphQLError.Builder<?> error(DataFetchingEnvironment env, String message,
			ErrorClassification type) {
		return GraphQLError.newError()
			.errorType(type)
			.message(message)
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation());
	}

}
