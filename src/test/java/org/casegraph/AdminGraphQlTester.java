package org.casegraph;

import java.util.Map;

import org.casegraph.security.Caller;
import org.casegraph.security.Role;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

/**
 * The feature tests' GraphQL tester: requests run straight on the GraphQL service, not
 * over HTTP, so the caller that HTTP would establish is given here, an admin. The access
 * policy itself is tested over HTTP in the security tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AdminGraphQlTester {

	public static final Caller ADMIN = new Caller("feature-test", Role.ADMIN.withIncluded(), "test", null);

	@Bean
	ExecutionGraphQlServiceTester graphQlTester(ExecutionGraphQlService service) {
		return ExecutionGraphQlServiceTester.builder(service)
			.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.KEY, ADMIN)).build())
			// Answers are checked here, not speed (the benchmarks measure that): a first
			// query that plans its Cypher on a busy machine must not fail on the tester's
			// 5 s default.
			.responseTimeout(java.time.Duration.ofSeconds(60))
			.build();
	}

}
