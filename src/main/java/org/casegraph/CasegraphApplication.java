package org.casegraph;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * casegraph's Spring configuration: a Neo4j graph of linked investigations behind a
 * GraphQL API. It sits above the feature packages so that it finds them all; the entry
 * point and the commands are in {@code cli}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasegraphApplication {

}
