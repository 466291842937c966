package org.casegraph.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Hands the caller and the request's disclosure (set on the HTTP request before it got
 * here) to the GraphQL execution, where the {@link AccessPolicy} reads them, and says in
 * the response's {@code extensions} how much was redacted; notes on the disclosure what
 * the answer's errors came to, for the audit trail.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Map<String, Object> context = Callers.graphQlContext(request.getAttributes()::get);
		Disclosure disclosure = (Disclosure) context.get(Disclosure.KEY);
		if (request.getOperationName() != null) {
			disclosure.operation(request.getOperationName());
		}
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		return chain.next(request).map(response -> {
			disclosure.answered(response.getErrors());
			return withRedactions(response, disclosure);
		});
	}

	private static WebGraphQlResponse withRedactions(WebGraphQlResponse response, Disclosure disclosure) {
		Map<String, Long> redacted = disclosure.redactedCounts();
		if (redacted.isEmpty()) {
			return response;
		}
		return response.transform(builder -> builder.extensions(Map.of("redacted", redacted)));
	}

}
