package org.casegraph.network;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.casegraph.ingest.EmailEuCore;
import org.casegraph.ingest.ImportIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's contact network on email-Eu-core holds exactly its members and the links
 * among them that the file holds, worked out here from the files alone.
 */
class EmailEuCoreNetworkIntegrationTests extends ImportIntegrationTests {

	@Autowired
	ExecutionGraphQlService graphQlService;

	@BeforeEach
	void importEmailEuCore() {
		importer.run(EmailEuCore.plan(), quiet());
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDepartmentsContactNetworkIsExactlyItsMembersAndTheirLinks() throws IOException {
		for (String department : List.of("4", "1", "37")) {
			Set<String> members = members(department);
			Map<String, Long> links = links(members);

			Map<String, Object> graph = ExecutionGraphQlServiceTester.create(graphQlService)
				.documentName("contactNetwork")
				.fragmentName("graphFields")
				.variable("scope", Map.of("unitIds", List.of("unit:email-Eu-core:" + department)))
				.execute()
				.path("contactNetwork")
				.entity(Map.class)
				.get();

			GraphInvariants.check(graph);
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) graph.get("nodes");
			List<Map<String, Object>> edges = (List<Map<String, Object>>) graph.get("edges");
			assertThat(nodes).extracting(node -> ((String) node.get("id")).replace("person:email-Eu-core:", ""))
				.containsExactlyInAnyOrderElementsOf(members);
			Map<String, Long> found = edges.stream()
				.collect(Collectors.toMap(edge -> id(edge.get("source")) + " " + id(edge.get("target")),
						edge -> ((Number) ((Map<String, Object>) edge.get("properties")).get("count")).longValue()));
			assertThat(found).as("Department " + department).isEqualTo(links);
			assertThat(links).isNotEmpty();
		}
	}

	private static String id(Object personId) {
		return ((String) personId).replace("person:email-Eu-core:", "");
	}

	private static Set<String> members(String department) throws IOException {
		return Files.readAllLines(EmailEuCore.LABELS)
			.stream()
			.map(line -> line.trim().split("\\s+"))
			.filter(fields -> fields.length == 2 && fields[1].equals(department))
			.map(fields -> fields[0])
			.collect(Collectors.toSet());
	}

	/**
	 * Links among the members, self-loops left out, counted as often as the file lists
	 * them.
	 */
	private static Map<String, Long> links(Set<String> members) throws IOException {
		Map<String, Long> links = new HashMap<>();
		for (String line : Files.readAllLines(EmailEuCore.EDGES)) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 2 || fields[0].equals(fields[1])) {
				continue;
			}
			if (members.contains(fields[0]) && members.contains(fields[1])) {
				links.merge(fields[0] + " " + fields[1], 1L, Long::sum);
			}
		}
		return links;
	}

}
