package org.casegraph.query;

import java.util.ArrayList;
import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import org.casegraph.EmbeddedGraphTests;
import org.casegraph.query.OneInstrumentation.InPlaceOfTheChain;
import org.casegraph.query.QueryShapeLimits.ShapeLimits;
import org.casegraph.security.AccessPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL runs the shape limits and the access policy as one instrumentation, not a chain
 * of each, and keeps the chain where that would drop something. That both still act
 * through it is shown by the guard-rail and access-policy tests, which run on it.
 */
class OneInstrumentationIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlSource source;

	@Autowired
	List<Instrumentation> all;

	@Autowired
	ShapeLimits limits;

	@Autowired
	AccessPolicy policy;

	@Test
	void graphQlRunsOneInstrumentationWithTheObservationsOff() {
		assertThat(all).contains(limits, policy).hasAtLeastOneElementOfType(GraphQlObservationInstrumentation.class);
		assertThat(source.graphQl().getInstrumentation()).isInstanceOf(OneInstrumentation.class);
	}

	@Test
	void theChainStaysWhenTheObservationsAreOnOrAnotherInstrumentationActs() {
		List<Instrumentation> withAnother = new ArrayList<>(all);
		withAnother.add(new SimplePerformantInstrumentation());

		assertThat(InPlaceOfTheChain.replaces(all, limits, policy, false)).isTrue();
		assertThat(InPlaceOfTheChain.replaces(all, limits, policy, true)).isFalse();
		assertThat(InPlaceOfTheChain.replaces(withAnother, limits, policy, false)).isFalse();
	}

}
