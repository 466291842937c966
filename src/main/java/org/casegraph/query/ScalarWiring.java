package org.casegraph.query;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * ISO 8601 {@code DateTime} and {@code Date}, and {@code JSON} for free-form values, from
 * graphql-java's extended scalars.
 */
@Component
class ScalarWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date).scalar(ExtendedScalars.Json);
	}

}
