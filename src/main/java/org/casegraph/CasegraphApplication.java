package org.casegraph;

import org.casegraph.cli.CommandLineInterface;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * casegraph: a Neo4j graph of linked investigations behind a GraphQL API. With no command
 * it serves; with one ({@code import}, {@code generate}, {@code export}, {@code check},
 * {@code bench}) it runs that job and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CasegraphApplication {

	public static void main(String[] args) {
		if (CommandLineInterface.handles(args)) {
			System.exit(CommandLineInterface.run(args));
		}
		SpringApplication.run(CasegraphApplication.class, args);
	}

}
