package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casegraph.export.JsonGraphFormat;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.ingest.read.JsonGraphReader;
import org.casegraph.ingest.read.WhatsAppReader;
import org.casegraph.referencecase.BundleGenerator;
import org.casegraph.security.Caller;
import org.casegraph.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code export} then {@code import json} gives the same graph: exported again, the file
 * is identical, and the who-messaged-whom aggregate derived on import matches the
 * messages.
 */
class JsonRoundTripIntegrationTests extends ImportIntegrationTests {

	@Autowired
	JsonGraphFormat format;

	@Autowired
	ExecutionGraphQlService service;

	@Test
	void anExportImportedIntoAnEmptyGraphExportsTheSame() throws IOException {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 3, bundle);
		importer.run(CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000)), quiet());
		Path first = temp.resolve("first.json");
		JsonGraphFormat.Written written = format.export(first);
		long contactSum = contactCount();

		emptyGraph();
		Importer.Result result = importer.run(JsonGraphReader.read(first, 500), quiet());
		Path second = temp.resolve("second.json");
		format.export(second);

		assertThat(written.nodes()).isPositive();
		assertThat(result.counts().created()).as(result.counts().table())
			.isEqualTo(written.nodes() + written.relationships() + written.caseWork());
		assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
		assertThat(Files.readString(first)).contains("{\"datetime\":").contains("{\"date\":");
		assertThat(contactCount()).isEqualTo(contactSum);
		assertTheAggregateMatchesTheMessages();
	}

	@Test
	void caseWorkSurvivesTheRoundTrip() throws IOException {
		emptyGraph();
		Path bundle = temp.resolve("case-work-bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 5, bundle);
		Exhibit exhibit = Exhibit.of(bundle, "tester");
		importer.run(CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000)).stamped(exhibit), exhibit,
				quiet());
		String person = driver.executableQuery("MATCH (p:Person) RETURN p.id AS id ORDER BY id LIMIT 1")
			.execute()
			.records()
			.getFirst()
			.get("id")
			.asString();
		var graphQl = ExecutionGraphQlServiceTester.builder(service)
			.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(Caller.KEY, new Caller("tester", Role.ADMIN.withIncluded(), "test", null)))
				.build())
			.build();
		String note = graphQl
			.document("mutation($p: ID!) { addNote(entityId: $p, text: \"first\") { ... on Note { id } } }")
			.variable("p", person)
			.execute()
			.path("addNote.id")
			.entity(String.class)
			.get();
		graphQl.document("mutation($n: ID!) { updateNote(id: $n, version: 1, text: \"second\") { __typename } }")
			.variable("n", note)
			.executeAndVerify();
		graphQl.document(
				"mutation($p: ID!) { tag(entityIds: [$p], name: \"priority\", colour: \"#d55e00\") { __typename } }")
			.variable("p", person)
			.executeAndVerify();
		String search = graphQl.document(
				"mutation { saveSearch(name: \"People\", query: \"{ people(first: 5) { nodes { id } } }\") { ... on SavedSearch { id } } }")
			.execute()
			.path("saveSearch.id")
			.entity(String.class)
			.get();
		graphQl.document("query($s: ID!) { runSavedSearch(id: $s) { __typename } }")
			.variable("s", search)
			.executeAndVerify();
		int candidates = decideTwoMatches(graphQl);
		Path first = temp.resolve("case-work-first.json");
		JsonGraphFormat.Written written = format.export(first);

		emptyGraph();
		importer.run(JsonGraphReader.read(first, 500), quiet());
		Path second = temp.resolve("case-work-second.json");
		format.export(second);

		assertThat(written.caseWork())
			.as("a note, a tag, a saved search, its run, the exhibit, the candidates, a merge")
			.isEqualTo(5 + candidates + 1);
		assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
		assertThat(Files.readString(first)).contains("\"labels\":[\"Note\"]")
			.contains("\"text\":\"second\"")
			.contains("\"labels\":[\"Exhibit\"]")
			.contains("\"sha256\":\"" + exhibit.sha256() + "\"")
			.contains("\"tags\":[\"priority\"]")
			.contains("\"labels\":[\"Merge\"]")
			.contains("\"status\":\"DIFFERENT\"")
			.contains("\"type\":\"SAME_AS\"")
			.contains("\"mergedBy\":[\"merge:");
		assertTheAggregateMatchesTheMessages();
		assertThat(graphQl
			.document("query($p: ID!) { node(id: $p) { notes { text history { text } } tags { name colour count } } }")
			.variable("p", person)
			.execute()
			.path("node")
			.entity(Map.class)
			.get()).hasToString(
					"{notes=[{text=second, history=[{text=first}]}], tags=[{name=priority, colour=#d55e00, count=1}]}");
	}

	/**
	 * A chat in which two of the bundle's people appear under their own names,
	 * unresolved: one decided the same (merged), the other different. Returns how many
	 * candidates the chat gave (its names are close to other people's too).
	 */
	private int decideTwoMatches(ExecutionGraphQlServiceTester graphQl) throws IOException {
		List<String> names = driver
			.executableQuery("MATCH (p:Person) WHERE p.name IS NOT NULL RETURN p.name AS name ORDER BY p.id LIMIT 2")
			.execute()
			.records()
			.stream()
			.map(record -> record.get("name").asString())
			.toList();
		Path chat = Files.writeString(temp.resolve("chat.txt"),
				"01/02/2016, 21:05 - %s: Synthetic: briefing at ten%n01/02/2016, 21:06 - %s: Synthetic: on my way%n"
					.formatted(names.get(0), names.get(1)));
		importer.run(WhatsAppReader.read(new WhatsAppReader.Settings(chat, "Round trip chat", null,
				java.time.ZoneId.of("Europe/London"), true, 100)), quiet());
		List<Map<String, Object>> candidates = graphQl
			.document("{ matchCandidates(first: 100) { nodes { id account { id } evidence { kind } } } }")
			.execute()
			.path("matchCandidates.nodes")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		List<Map<String, Object>> sameName = candidates.stream()
			.filter(candidate -> candidate.get("evidence").toString().contains("SAME_NAME"))
			.toList();
		assertThat(sameName).hasSize(2);
		String decide = "mutation($c: ID!, $d: MatchDecision!) { decideMatch(candidateId: $c, decision: $d, "
				+ "reason: \"round trip\") { __typename } }";
		graphQl.document(decide)
			.variable("c", sameName.get(0).get("id"))
			.variable("d", "SAME")
			.execute()
			.path("decideMatch.__typename")
			.entity(String.class)
			.isEqualTo("MatchDecided");
		graphQl.document(decide)
			.variable("c", sameName.get(1).get("id"))
			.variable("d", "DIFFERENT")
			.execute()
			.path("decideMatch.__typename")
			.entity(String.class)
			.isEqualTo("MatchDecided");
		return candidates.size();
	}

	@Test
	void malformedExportsAreRefusedWithTheLine() throws IOException {
		Path broken = Files.writeString(temp.resolve("broken.json"),
				"{\"format\": \"casegraph-json/1\",\n\"nodes\": [\n{\"id\": \"x\", \"labels\": [\"Person\"]},\n{\"id\": \n");
		assertThatThrownBy(() -> JsonGraphReader.read(broken, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("broken.json:")
			.hasMessageContaining("not valid JSON");
		Path badDate = Files.writeString(temp.resolve("bad-date.json"), """
				{"format": "casegraph-json/1",
				"nodes": [
				{"id": "p:1", "labels": ["Person"], "properties": {"name": "One"}},
				{"id": "m:1", "labels": ["Membership"], "properties": {"from": {"date": "2016-13-01"}}}
				]}
				""");
		assertThatThrownBy(() -> JsonGraphReader.read(badDate, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("bad-date.json:4: from:");
		Path noLabels = Files.writeString(temp.resolve("no-labels.json"),
				"{\"format\": \"casegraph-json/1\", \"nodes\": [{\"id\": \"p:1\"}]}");
		assertThatThrownBy(() -> JsonGraphReader.read(noLabels, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("no-labels.json:1: labels:");
	}

	private long contactCount() {
		return driver.executableQuery("MATCH ()-[c:CONTACTED]->() RETURN coalesce(sum(c.count), 0) AS n")
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

}
