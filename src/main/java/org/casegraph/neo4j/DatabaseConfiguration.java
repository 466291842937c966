package org.casegraph.neo4j;

import org.neo4j.driver.Driver;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One code path for both modes: everything reaches the database through Boot's driver,
 * except bulk writes to the embedded database (see {@link BulkCypher}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	@ConditionalOnProperty(name = "casegraph.neo4j.mode", havingValue = "external")
	BulkCypher bulkCypher(Driver driver) {
		return new DriverBulkCypher(driver);
	}

	@Bean
	@ConditionalOnProperty(name = "casegraph.neo4j.mode", havingValue = "external")
	GraphDataScience graphDataScience() {
		return GraphDataScience.onServer();
	}

	@Bean
	@ConditionalOnProperty(name = "casegraph.neo4j.mode", havingValue = "external")
	StoreVersion storeVersion() {
		return StoreVersion.unknown();
	}

	@Bean
	GraphSchema graphSchema(Driver driver, Neo4jConnectionDetails connection) {
		GraphSchema schema = new GraphSchema(driver);
		schema.apply(String.valueOf(connection.getUri()));
		return schema;
	}

}
