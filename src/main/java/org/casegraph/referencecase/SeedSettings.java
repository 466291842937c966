package org.casegraph.referencecase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the server loads into an empty database.
 *
 * @param referenceCase load the reference case (public facts plus the synthetic layer)
 * when the database is empty
 * @param syntheticSeed the fixed seed the synthetic layer is generated from
 * @param builtStore start a new embedded data directory from the reference case's store
 * as the build seeded it ({@link BuiltStore}), where the seed is the one it was built
 * with; false seeds it at the start, statement by statement
 */
@ConfigurationProperties("casegraph.seed")
record SeedSettings(@DefaultValue("true") boolean referenceCase,
		@DefaultValue(SeedSettings.DEFAULT_SEED) long syntheticSeed, @DefaultValue("true") boolean builtStore) {

	static final String DEFAULT_SEED = "20190430";

}
