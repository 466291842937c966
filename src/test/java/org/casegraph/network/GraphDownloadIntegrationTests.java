package org.casegraph.network;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A network result downloads as Cytoscape.js JSON, graphology JSON, GraphML and GEXF from
 * the same GraphQL request, each holding the same nodes and edges.
 */
class GraphDownloadIntegrationTests extends EmbeddedGraphTests {

	private static final String REQUEST = """
			{"query": "query($scope: ScopeInput!) { contactNetwork(scope: $scope, minMessages: 20) { nodes { id kind label properties } edges { id kind source target weight properties } } }",
			 "variables": {"scope": {"unitIds": ["unit:impact"]}}}
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void everyFormatHoldsTheSameGraph() throws Exception {
		Map<String, Object> graphQl = JSON.readValue(post("/graphql", REQUEST).body(), Map.class);
		Map<String, Object> graph = (Map<String, Object>) ((Map<String, Object>) graphQl.get("data"))
			.get("contactNetwork");
		GraphInvariants.check(graph);
		List<String> nodeIds = NetworkIntegrationTests.ids(graph, "nodes");
		List<String> edgeIds = NetworkIntegrationTests.ids(graph, "edges");
		assertThat(edgeIds).isNotEmpty();

		Map<String, Object> cytoscape = JSON.readValue(post("/graph/cytoscape", REQUEST).body(), Map.class);
		Map<String, List<Map<String, Map<String, Object>>>> elements = (Map) cytoscape.get("elements");
		assertThat(elements.get("nodes")).extracting(node -> node.get("data").get("id"))
			.containsExactlyElementsOf(nodeIds);
		assertThat(elements.get("edges")).extracting(edge -> edge.get("data").get("id"))
			.containsExactlyElementsOf(edgeIds);
		assertThat(elements.get("edges")).allSatisfy(
				edge -> assertThat(edge.get("data")).containsKeys("source", "target", "kind", "weight", "count"));

		Map<String, Object> graphology = JSON.readValue(post("/graph/graphology", REQUEST).body(), Map.class);
		assertThat((Map<String, Object>) graphology.get("options")).containsEntry("multi", true)
			.containsEntry("type", "directed");
		assertThat((List<Map<String, Object>>) graphology.get("nodes")).extracting(node -> node.get("key"))
			.containsExactlyElementsOf(nodeIds);
		assertThat((List<Map<String, Object>>) graphology.get("edges")).extracting(edge -> edge.get("key"))
			.containsExactlyElementsOf(edgeIds);

		Document graphml = xml(post("/graph/graphml", REQUEST).body());
		assertThat(graphml.getDocumentElement().getNamespaceURI()).isEqualTo("http://graphml.graphdrawing.org/xmlns");
		assertThat(graphml.getElementsByTagNameNS("*", "node").getLength()).isEqualTo(nodeIds.size());
		assertThat(graphml.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(edgeIds.size());

		Document gexf = xml(post("/graph/gexf", REQUEST).body());
		assertThat(gexf.getDocumentElement().getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
		assertThat(gexf.getElementsByTagNameNS("*", "node").getLength()).isEqualTo(nodeIds.size());
		assertThat(gexf.getElementsByTagNameNS("*", "edge").getLength()).isEqualTo(edgeIds.size());
	}

	/**
	 * The GEXF is valid against the part of GEXF 1.3 and its dynamics casegraph writes
	 * ({@code gexf/gexf-1.3-as-written.xsd}: element order, allowed values, times, every
	 * edge between declared nodes, every value of a declared attribute), is dynamic with
	 * date times, and every spell and dated value starts before it ends; a file that
	 * breaks the format is refused by the same schema.
	 */
	@Test
	void theGexfValidatesAsDynamicGexf13() throws Exception {
		String body = post("/graph/gexf", REQUEST).body();
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new ClassPathResource("gexf/gexf-1.3-as-written.xsd").getURL())
			.newValidator();
		validator.validate(new StreamSource(new StringReader(body)));

		Document gexf = xml(body);
		Element graph = (Element) gexf.getElementsByTagNameNS("*", "graph").item(0);
		assertThat(graph.getAttribute("mode")).isEqualTo("dynamic");
		assertThat(graph.getAttribute("timeformat")).isEqualTo("date");
		int dated = 0;
		for (String tag : List.of("spell", "attvalue")) {
			NodeList elements = gexf.getElementsByTagNameNS("*", tag);
			for (int i = 0; i < elements.getLength(); i++) {
				Element element = (Element) elements.item(i);
				if (element.hasAttribute("start")) {
					assertThat(LocalDate.parse(element.getAttribute("start")))
						.isBeforeOrEqualTo(LocalDate.parse(element.getAttribute("end")));
					dated++;
				}
			}
		}
		assertThat(dated).isGreaterThan(gexf.getElementsByTagNameNS("*", "edge").getLength());

		String broken = body.replaceFirst("target=\"[^\"]+\"", "target=\"no-such-node\"");
		assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(broken))))
			.isInstanceOf(SAXParseException.class)
			.hasMessageContaining("no-such-node");
	}

	/**
	 * NetworkX reads the dynamic GEXF with every node and edge, and each edge's spells
	 * and messages per month add up to its weight. Skipped with a message where no Python
	 * with NetworkX is installed.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theGexfIsDynamicAndNetworkxReadsItsSpells() throws Exception {
		Assumptions.assumeTrue(networkx(), "no python3 with NetworkX 3 here: the GEXF is not read by a real client");
		Map<String, Object> graph = (Map<String, Object>) ((Map<String, Object>) JSON
			.readValue(post("/graphql", REQUEST).body(), Map.class)
			.get("data")).get("contactNetwork");
		Path file = Files.createTempFile("casegraph-", ".gexf");
		Files.writeString(file, post("/graph/gexf", REQUEST).body());
		Process python = new ProcessBuilder("python3", "-c", """
				import json, sys, networkx as nx
				g = nx.read_gexf(sys.argv[1])
				edges = {d["id"]: {"spells": d.get("spells", []), "messages": d.get("messages", []),
				                   "weight": d.get("weight")} for _, _, d in g.edges(data=True)}
				print(json.dumps({"mode": g.graph.get("mode"), "nodes": g.number_of_nodes(), "edges": edges,
				                  "nodeSpells": sum(1 for _, d in g.nodes(data=True) if d.get("spells"))}))
				""", file.toString()).redirectErrorStream(true).start();
		String out = new String(python.getInputStream().readAllBytes());
		assertThat(python.waitFor()).as(out).isZero();
		Map<String, Object> read = JSON.readValue(out, Map.class);

		assertThat(read.get("mode")).isEqualTo("dynamic");
		assertThat(read.get("nodes")).isEqualTo(NetworkIntegrationTests.nodes(graph).size());
		assertThat((Integer) read.get("nodeSpells")).isEqualTo(NetworkIntegrationTests.nodes(graph).size());
		Map<String, Map<String, Object>> edges = (Map<String, Map<String, Object>>) read.get("edges");
		assertThat(edges).hasSize(NetworkIntegrationTests.edges(graph).size());
		for (Map<String, Object> edge : NetworkIntegrationTests.edges(graph)) {
			Map<String, Object> inGephi = edges.get(edge.get("id").toString());
			List<List<Object>> messages = (List<List<Object>>) inGephi.get("messages");
			assertThat(messages.stream().mapToInt(value -> ((Number) value.get(0)).intValue()).sum())
				.as("messages per month of %s", edge.get("id"))
				.isEqualTo(((Number) edge.get("weight")).intValue());
			assertThat((List<?>) inGephi.get("spells")).isNotEmpty();
		}
	}

	private static boolean networkx() {
		try {
			Process probe = new ProcessBuilder("python3", "-c",
					"import networkx, sys; sys.exit(0 if int(networkx.__version__.split('.')[0]) >= 3 else 1)")
				.redirectErrorStream(true)
				.start();
			probe.getInputStream().readAllBytes();
			return probe.waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	@Test
	void anUnknownFormatOrAFailedQueryIsAClearError() throws Exception {
		HttpResponse<String> unknown = post("/graph/dot", REQUEST);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("cytoscape, graphology, graphml or gexf");
		HttpResponse<String> failed = post("/graph/gexf",
				"{\"query\": \"{ linkedInvestigations(id: \\\"nothing\\\") { nodes { id } edges { id } } }\"}");
		assertThat(failed.statusCode()).isEqualTo(400);
		assertThat(failed.body()).contains("no investigation has id 'nothing'");
	}

	private HttpResponse<String> post(String path, String body) {
		return new Http(port).post(path, body);
	}

	private static Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
