package org.casegraph.referencecase;

import org.casegraph.neo4j.StoreLoader;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the reference case is seeded and the jar carries the store built with its seed, a
 * new embedded data directory starts from that store.
 */
@Configuration(proxyBeanMethods = false)
class BuiltStoreConfiguration {

	/** Null (no loader) for a seed the jar carries no store for. */
	@Bean
	@ConditionalOnProperty(name = { "casegraph.seed.reference-case", "casegraph.seed.built-store" },
			havingValue = "true", matchIfMissing = true)
	StoreLoader builtReferenceCase(SeedSettings settings) {
		return BuiltStore.forSeed(settings.syntheticSeed()).orElse(null);
	}

}
