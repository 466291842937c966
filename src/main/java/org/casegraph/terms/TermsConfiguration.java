package org.casegraph.terms;

import org.casegraph.neo4j.WatchedInputs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the embedded database watches for term hits kept in the store. */
@Configuration(proxyBeanMethods = false)
class TermsConfiguration {

	@Bean
	WatchedInputs termHitsInputs() {
		return TermHits.INPUTS;
	}

}
