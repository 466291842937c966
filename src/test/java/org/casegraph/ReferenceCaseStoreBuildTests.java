package org.casegraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.referencecase.BuiltStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new data directory starts from the store the build seeded ({@link BuiltStore}, built
 * with these classes when they were compiled) and holds what seeding it statement by
 * statement writes: the same nodes and relationships with the same properties, but for
 * when the term list and the schema's record were written.
 */
class ReferenceCaseStoreBuildTests {

	/**
	 * When, and how long, something was written, so they differ between two seedings: a
	 * term list's creation, and each schema migration's (neo4j-migrations' chain).
	 */
	private static final List<String> WRITTEN_AT = List.of("createdAt", "at", "in");

	@TempDir
	Path temp;

	@Test
	void aNewDataDirectoryStartsFromTheBuiltStoreWithWhatSeedingWrites() throws Exception {
		assertThat(new ClassPathResource(BuiltStore.resource(BuiltStore.SEED)).exists())
			.as("the build's store among the classes")
			.isTrue();
		Instant testStarted = Instant.now();
		Path built = temp.resolve("built");
		Path seeded = temp.resolve("seeded");
		try (ConfigurableApplicationContext context = ReferenceCaseStoreBuild.start(built, true)) {
			assertThat(context.isActive()).isTrue();
		}
		try (ConfigurableApplicationContext context = ReferenceCaseStoreBuild.start(seeded, false)) {
			assertThat(context.isActive()).isTrue();
		}

		Graph fromBuild = Graph.of(built);
		Graph fromSeeding = Graph.of(seeded);

		assertThat(fromBuild.termListSaved()).as("the term list was saved by the build, before this test")
			.isBefore(testStarted);
		assertThat(fromSeeding.termListSaved()).as("and here by seeding").isAfter(testStarted);
		assertThat(fromBuild.nodes()).hasSizeGreaterThan(4_000);
		assertThat(fromBuild.relationships()).hasSizeGreaterThan(9_000);
		assertThat(fromBuild.nodes()).containsExactlyElementsOf(fromSeeding.nodes());
		assertThat(fromBuild.relationships()).containsExactlyElementsOf(fromSeeding.relationships());
	}

	/**
	 * A store's nodes and relationships as sorted lines (labels and properties; a
	 * relationship with its ends'), leaving out when things were written.
	 */
	private record Graph(List<String> nodes, List<String> relationships, Instant termListSaved) {

		static Graph of(Path home) {
			assertThat(Files.isDirectory(home.resolve("data/databases/neo4j"))).isTrue();
			DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
				.setConfig(BoltConnector.enabled, false)
				.build();
			try {
				GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
				List<String> nodes = lines(database, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS p");
				List<String> relationships = lines(database,
						"MATCH (a)-[r]->(b) RETURN [labels(a), properties(a)] AS start, type(r) AS type, properties(r) AS p, "
								+ "[labels(b), properties(b)] AS end");
				Instant saved = database.executeTransactionally(
						"MATCH (l:TermList) RETURN min(l.createdAt).epochMillis AS saved", Map.of(),
						result -> Instant.ofEpochMilli((Long) result.next().get("saved")));
				return new Graph(nodes, relationships, saved);
			}
			finally {
				dbms.shutdown();
			}
		}

		private static List<String> lines(GraphDatabaseService database, String query) {
			List<String> lines = database.executeTransactionally(query, Map.of(), result -> {
				List<String> found = new ArrayList<>();
				result.forEachRemaining(row -> found.add(canonical(row).toString()));
				return found;
			});
			return lines.stream().sorted().toList();
		}

		@SuppressWarnings("unchecked")
		private static Object canonical(Object value) {
			if (value instanceof Map<?, ?> map) {
				Map<String, Object> sorted = new TreeMap<>();
				((Map<String, Object>) map).forEach((key, inner) -> {
					if (!WRITTEN_AT.contains(key)) {
						sorted.put(key, canonical(inner));
					}
				});
				return sorted;
			}
			if (value instanceof List<?> list) {
				return list.stream().map(Graph::canonical).toList();
			}
			if (value != null && value.getClass().isArray()) {
				return Arrays.deepToString(new Object[] { value });
			}
			return value;
		}

	}

}
