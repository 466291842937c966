package org.casegraph.network;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every network query's result, downloaded as Cytoscape.js and graphology JSON, loads
 * into the real libraries (Node.js, {@code src/test/js}) as it is: every node and edge
 * kept, no error or warning. Needs {@code node} and {@code npm} (the libraries are
 * installed into {@code target/} on first run); skipped, saying why, where they are
 * missing.
 */
class GraphLibrariesIntegrationTests extends EmbeddedGraphTests {

	private static final Path CHECK = Path.of("target", "graph-libraries");

	/**
	 * Where a command's output goes (a file, so that a long output never blocks the
	 * command).
	 */
	private static final String OUTPUT = "output.txt";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String GRAPH = "{ nodes { id kind label properties } edges { id kind source target weight properties } }";

	private static final Map<String, String> QUERIES = queries();

	@LocalServerPort
	int port;

	@BeforeAll
	static void installLibraries() throws Exception {
		assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm are not installed");
		Files.createDirectories(CHECK);
		for (String file : List.of("package.json", "package-lock.json", "check-graphs.mjs")) {
			Files.copy(Path.of("src", "test", "js", file), CHECK.resolve(file),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.isDirectory(CHECK.resolve("node_modules").resolve("graphology"))) {
			assumeTrue(run(CHECK, List.of("npm", "ci", "--no-audit", "--no-fund")).exitValue() == 0,
					"npm could not install cytoscape and graphology (no registry?)");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyNetworkResultLoadsIntoCytoscapeAndGraphologyAsItIs() throws Exception {
		List<String> files = new ArrayList<>();
		Map<String, Map<String, Object>> graphs = new LinkedHashMap<>();
		for (var query : QUERIES.entrySet()) {
			String body = JSON.writeValueAsString(Map.of("query", query.getValue()));
			Map<String, Object> response = JSON.readValue(post("/graphql", body), Map.class);
			graphs.put(query.getKey(), GraphDownloadController.firstGraph(response.get("data")).orElseThrow());
			for (String format : List.of("cytoscape", "graphology")) {
				Path file = CHECK.resolve(query.getKey() + "." + format + ".json");
				Files.writeString(file, post("/graph/" + format, body));
				files.add(file.toAbsolutePath().toString());
			}
		}
		List<String> command = new ArrayList<>(List.of("node", "check-graphs.mjs"));
		command.addAll(files);
		Process check = run(CHECK, command);
		String output = Files.readString(CHECK.resolve(OUTPUT), StandardCharsets.UTF_8);
		assertThat(check.exitValue()).as(output).isZero();
		List<Map<String, Object>> loaded = JSON.readValue(output, List.class);

		assertThat(loaded).hasSize(QUERIES.size());
		int i = 0;
		for (var graph : graphs.entrySet()) {
			Map<String, Object> result = loaded.get(i++);
			int nodes = ((List<?>) graph.getValue().get("nodes")).size();
			int edges = ((List<?>) graph.getValue().get("edges")).size();
			assertThat(nodes).as(graph.getKey()).isPositive();
			assertThat(result).as(graph.getKey())
				.containsEntry("problems", List.of())
				.containsEntry("cytoscapeNodes", nodes)
				.containsEntry("cytoscapeEdges", edges)
				.containsEntry("graphologyNodes", nodes)
				.containsEntry("graphologyEdges", edges)
				.containsEntry("graphologyType", "directed");
		}
	}

	private static Map<String, String> queries() {
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("contactNetwork",
				"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, from: \"2016-01-01T00:00:00Z\", "
						+ "to: \"2016-12-31T23:59:59Z\", includeOutside: true) " + GRAPH + " }");
		queries.put("neighbourhood",
				"{ neighbourhood(ids: [\"officer:a\", \"unit:impact\"], depth: 2) " + GRAPH + " }");
		queries.put("paths", "{ paths(from: \"officer:a\", to: \"officer:colleague-03\", mode: K_SHORTEST, k: 5) "
				+ "{ graph " + GRAPH + " } }");
		queries.put("allegationSpread", "{ allegationSpread(bucket: YEAR) { graph " + GRAPH + " } }");
		queries.put("linkedInvestigations", "{ linkedInvestigations(id: \"investigation:hotton-3\") " + GRAPH + " }");
		return queries;
	}

	private String post(String path, String body) {
		HttpResponse<String> response = new Http(port).post(path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static boolean runs(String... command) {
		try {
			return run(Files.createDirectories(Path.of("target")), List.of(command)).exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Process run(Path directory, List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.redirectOutput(directory.resolve(OUTPUT).toFile())
			.start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return process;
	}

}
