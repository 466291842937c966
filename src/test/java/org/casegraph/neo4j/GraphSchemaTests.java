package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ac.simons.neo4j.migrations.core.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A start skips neo4j-migrations only when the migration files are the ones last applied
 * to this store: a new migration is applied, and an edited one still stops the start.
 */
class GraphSchemaTests {

	private static final String LOCATION = "classpath:schema-migrations/";

	@TempDir
	Path temp;

	@Test
	void migrationsRunOnlyWhenTheFilesChangeAndAnEditedOneStillStopsTheStart() throws IOException {
		DatabaseSettings settings = EmbeddedStores.in(temp);
		DatabaseManagementService dbms = EmbeddedNeo4j.start(settings, "neo4j", "schema-password", null);
		try (Driver driver = GraphDatabase.driver(EmbeddedNeo4j.boltUri(dbms),
				AuthTokens.basic("neo4j", "schema-password"))) {
			assertThat(schema(driver, "first").apply("test")).isEqualTo(GraphSchema.Outcome.APPLIED);
			assertThat(applied(driver)).containsExactly("0001");
			assertThat(schemaNames(driver)).contains("thing_id").doesNotContain("thing_name");

			assertThat(schema(driver, "first").apply("test")).isEqualTo(GraphSchema.Outcome.UNCHANGED);

			assertThat(schema(driver, "second").apply("test")).isEqualTo(GraphSchema.Outcome.APPLIED);
			assertThat(applied(driver)).containsExactly("0001", "0002");
			assertThat(schemaNames(driver)).contains("thing_id", "thing_name");

			assertThatThrownBy(() -> schema(driver, "edited").apply("test")).isInstanceOf(MigrationsException.class)
				.hasMessageContaining("Checksum")
				.hasMessageContaining("0001");
			assertThat(schemaNames(driver)).doesNotContain("thing_key");

			assertThat(schema(driver, "second").apply("test")).isEqualTo(GraphSchema.Outcome.UNCHANGED);
		}
		finally {
			dbms.shutdown();
		}
	}

	private static GraphSchema schema(Driver driver, String folder) {
		return new GraphSchema(driver, LOCATION + folder);
	}

	private static List<String> applied(Driver driver) {
		return strings(driver,
				"MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN m.version AS v ORDER BY v");
	}

	private static List<String> schemaNames(Driver driver) {
		return strings(driver, "SHOW INDEXES YIELD name RETURN name AS v");
	}

	private static List<String> strings(Driver driver, String query) {
		return driver.executableQuery(query).execute().records().stream().map(row -> row.get("v").asString()).toList();
	}

}
