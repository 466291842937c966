package org.casegraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * casegraph: a Neo4j graph of linked investigations behind a GraphQL API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasegraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(CasegraphApplication.class, args);
	}

}
