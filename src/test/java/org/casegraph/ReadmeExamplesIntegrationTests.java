package org.casegraph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.casegraph.ingest.Exhibit;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.read.WhatsAppReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL example of the README, run against a freshly seeded reference case (a
 * database of its own, so that no other test's writes show) and answered as the README
 * shows it: first those that read the case, then the case-work scenario in the README's
 * order, with the steps it gives in words (an edit, the import of the seized phone's
 * chat, a second decision) taken as it describes them. Generated note and merge ids are
 * compared as ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeExamplesIntegrationTests {

	private static final Pattern GENERATED_ID = Pattern.compile("(note|merge):[0-9a-f]{8}-[0-9a-f-]{27}");

	/** Every fenced block of the README, as its language and its text. */
	private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

	@Autowired
	Importer importer;

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-readme-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-readme-test-audit-");

	/** A GraphQL block followed at once by the JSON block of its answer. */
	private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n(.*?)```\\s*```json\\n(.*?)```",
			Pattern.DOTALL);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
	}

	static Stream<Named<String[]>> examples() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		// Up to the first example that writes: from there on the answers depend on it.
		int firstWrite = readme.indexOf("```graphql\nmutation");
		Matcher matcher = EXAMPLE.matcher(firstWrite < 0 ? readme : readme.substring(0, firstWrite));
		List<Named<String[]>> examples = new ArrayList<>();
		while (matcher.find()) {
			String document = matcher.group(1).strip();
			examples.add(Named.of(document.replaceAll("\\s+", " ").substring(0, Math.min(80, document.length())),
					new String[] { document, matcher.group(2).strip() }));
		}
		assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
		return examples.stream();
	}

	@ParameterizedTest
	@MethodSource("examples")
	@Order(1)
	void answersAsTheReadmeShows(String[] example) {
		HttpResponse<String> answer = new Http(port).graphQl(example[0]);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(Http.JSON.readTree(answer.body())).isEqualTo(Http.JSON.readTree(example[1]));
	}

	@Test
	@Order(2)
	void theCaseWorkScenarioAnswersAsTheReadmeShows() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Http http = new Http(port);

		String note = http.graphQl(block(readme, "graphql", "addNote")).body();
		assertSameJson(note, block(readme, "json", "\"addNote\""));
		assertSameJson(http.graphQl(block(readme, "graphql", "mutation { tag(")).body(),
				block(readme, "json", "\"tag\":"));
		String edit = ("mutation { updateNote(id: \"%s\", version: 1, text: \"Rota checked: on duty 12 May\") { "
				+ "__typename ... on Note { version } ... on Conflict { message currentVersion } } }")
			.formatted(Http.JSON.readTree(note).at("/data/addNote/id").asString());
		assertSameJson(http.graphQl(edit).body(),
				"{\"data\":{\"updateNote\":{\"__typename\":\"Note\",\"version\":2}}}");
		assertSameJson(http.graphQl(edit).body(), block(readme, "json", "\"updateNote\""));
		assertSameJson(http.graphQl(block(readme, "graphql", "tags: {eq: \"priority\"}")).body(),
				block(readme, "json", "\"officers\":{\"nodes\":[{\"id\":\"officer:c\",\"notes\""));

		// bin/casegraph import whatsapp docs/examples/late-turn.txt --group "Late turn"
		// --aliases ...
		Path chat = Path.of("docs/examples/late-turn.txt");
		Exhibit exhibit = Exhibit.of(chat, "tester");
		ImportPlan plan = WhatsAppReader.read(new WhatsAppReader.Settings(chat, "Late turn",
				Path.of("docs/examples/late-turn-aliases.csv"), ZoneId.of("Europe/London"), null, 5000));
		importer.run(plan.stamped(exhibit), exhibit, new PrintStream(OutputStream.nullOutputStream()));
		assertSameJson(http.graphQl(block(readme, "graphql", "matchCandidates(first: 2)")).body(),
				block(readme, "json", "\"matchCandidates\""));
		assertSameJson(
				http.graphQl(block(readme, "graphql", "decideMatch(candidateId: \"match:12f2011e0e60a737\"")).body(),
				block(readme, "json", "\"decideMatch\""));
		// "and the same for match:a68aa822e9f7ce70 (2 relationships)"
		String byName = http.graphQl("mutation { decideMatch(candidateId: \"match:a68aa822e9f7ce70\", decision: SAME, "
				+ "reason: \"Officer C's misspelt name\") { __typename ... on MatchDecided { merge { id relationshipsMoved } } } }")
			.body();
		assertThat(Http.JSON.readTree(byName).at("/data/decideMatch/merge/relationshipsMoved").asInt()).isEqualTo(2);
		String mergeId = Http.JSON.readTree(byName).at("/data/decideMatch/merge/id").asString();
		// "Deciding Officer B's candidate now answers ..."
		Matcher conflict = Pattern.compile("`(\\{\"__typename\":\"Conflict\",\"message\":\"Match candidate .*?\\})`")
			.matcher(readme);
		assertThat(conflict.find()).isTrue();
		String officerB = http
			.graphQl("mutation { decideMatch(candidateId: \"match:46ff8768347b809d\", decision: SAME, "
					+ "reason: \"Officer B?\") { __typename ... on Conflict { message } } }")
			.body();
		assertSameJson(Http.JSON.readTree(officerB).at("/data/decideMatch").toString(), conflict.group(1));
		assertSameJson(
				http.graphQl(block(readme, "graphql", "undoMerge(").replaceFirst(GENERATED_ID.pattern(), mergeId))
					.body(),
				block(readme, "json", "\"undoMerge\""));

		List<String> grading = block(readme, "graphql", "setGrade").lines().toList();
		assertThat(grading).hasSize(3);
		for (String mutation : grading.subList(0, 2)) {
			assertThat(http.graphQl(mutation).body()).doesNotContain("\"errors\"");
		}
		assertSameJson(http.graphQl(grading.get(2)).body(), block(readme, "json", "\"claims\":[{\"id\":\"claim:S1"));
	}

	/** The first block of a language that holds some text. */
	private static String block(String readme, String language, String holding) {
		Matcher matcher = BLOCK.matcher(readme);
		while (matcher.find()) {
			if (matcher.group(1).equals(language) && matcher.group(2).contains(holding)) {
				return matcher.group(2).strip();
			}
		}
		throw new AssertionError("the README has no " + language + " block with " + holding);
	}

	/** The same JSON, generated note and merge ids aside. */
	private static void assertSameJson(String actual, String expected) {
		assertThat(Http.JSON.readTree(GENERATED_ID.matcher(actual).replaceAll("$1:ID")))
			.isEqualTo(Http.JSON.readTree(GENERATED_ID.matcher(expected).replaceAll("$1:ID")));
	}

}
