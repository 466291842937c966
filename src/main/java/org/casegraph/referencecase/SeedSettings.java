package org.casegraph.referencecase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the server loads into an empty database.
 *
 * @param referenceCase load the reference case (public facts plus the synthetic layer)
 * when the database is empty
 * @param syntheticSeed the fixed seed the synthetic layer is generated from
 */
@ConfigurationProperties("casegraph.seed")
record SeedSettings(@DefaultValue("true") boolean referenceCase, @DefaultValue("20190430") long syntheticSeed) {
}
