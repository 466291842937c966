package org.casegraph.resolution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.casegraph.Http;
import org.casegraph.TemporaryDataDir;
import org.casegraph.TestUsers;
import org.casegraph.export.JsonGraphFormat;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.read.WhatsAppReader;
import org.casegraph.messaging.ContactAggregate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity resolution on the reference case plus a WhatsApp export from a seized phone in
 * which one participant shows up as officer C's known number and another as "Oficer D":
 * the import feeds both into the candidates with their evidence; "same" merges the number
 * into officer C (one node in the contact network whose counts are the two together);
 * undo gives back an export identical to the one before; "different" keeps a pair away
 * for good; of two conflicting merges one wins. Over HTTP in {@code users} mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB", "casegraph.security.mode=users" })
class ResolutionIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-resolution-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-resolution-audit-");

	private static final Path WORK_DIR = TemporaryDataDir.create("casegraph-resolution-files-");

	private static final String CANDIDATES = "{ matchCandidates(first: 100) { totalCount nodes { id score status "
			+ "account { id } match { id } evidence { kind score detail } } } }";

	private static final String DECIDE = "mutation Decide($id: ID!, $decision: MatchDecision!, $reason: String!) { "
			+ "decideMatch(candidateId: $id, decision: $decision, reason: $reason) { __typename "
			+ "... on MatchDecided { candidate { id status decidedBy reason mergeId } "
			+ "merge { id absorbed { id } survivor { id } relationshipsMoved } } "
			+ "... on Conflict { message } ... on Forbidden { message role } ... on NotFound { message } "
			+ "... on Invalid { message argument } } }";

	private static final String NETWORK = "{ contactNetwork(scope: {all: true}) { nodes { id } "
			+ "edges { source target weight } } }";

	private static final String ACCOUNT = "account:whatsapp:late-turn:";

	private static final String EARLY = "account:whatsapp:early-turn:";

	@LocalServerPort
	int port;

	@Autowired
	Importer importer;

	@Autowired
	JsonGraphFormat export;

	@Autowired
	ContactAggregate contacts;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
		TestUsers.register(registry, PASSWORD,
				Map.of("viewer", "viewer", "analyst", "analyst", "investigator", "investigator"));
	}

	@Test
	void aSeizedPhonesAccountsBecomeCandidatesAndSameMergesThemUntilUndone() throws IOException {
		String phone = data(as("investigator")
			.graphQl("{ node(id: \"officer:c\") { ... on Officer { " + "accounts { kind handle } } } }")).path("node")
			.path("accounts")
			.get(0)
			.path("handle")
			.asString();
		importChat("Late turn", phone, "late-turn.txt");

		JsonNode found = data(as("investigator").graphQl(CANDIDATES)).path("matchCandidates").path("nodes");
		JsonNode byPhone = candidate(found, ACCOUNT + phone.replace(' ', '-'), "officer:c");
		assertThat(byPhone.path("evidence").get(0).path("kind").asString()).isEqualTo("PHONE_NUMBER");
		assertThat(byPhone.path("evidence").get(0).path("detail").asString()).contains(phone).contains("officer:c");
		List<JsonNode> forOficerD = ofAccount(found, ACCOUNT + "Oficer-D");
		assertThat(forOficerD).as("the closest name first").isNotEmpty();
		assertThat(forOficerD.getFirst().path("match").path("id").asString()).isEqualTo("officer:d");
		assertThat(forOficerD.getFirst().path("evidence").get(0).path("kind").asString()).isEqualTo("SIMILAR_NAME");
		assertThat(forOficerD.getFirst().path("evidence").get(0).path("detail").asString()).contains("'Oficer D'")
			.contains("Officer D");

		JsonNode viewersView = data(as("viewer").graphQl(CANDIDATES)).path("matchCandidates").path("nodes");
		assertThat(candidate(viewersView, ACCOUNT + phone.replace(' ', '-'), "officer:c").path("evidence")
			.get(0)
			.path("detail")
			.asString()).as("numbers and names are sensitive").isEqualTo("[redacted]");
		HttpResponse<String> refused = as("viewer").graphQl(DECIDE,
				Map.of("id", byPhone.path("id").asString(), "decision", "SAME", "reason", "viewer tries"));
		assertThat(data(refused).path("decideMatch").path("__typename").asString()).isEqualTo("Forbidden");
		assertThat(Http.auditEntry(AUDIT_DIR, refused).path("outcome").asString()).isEqualTo("denied");

		Path before = WORK_DIR.resolve("before.json");
		export.export(before);
		Map<String, Double> networkBefore = edges(data(as("investigator").graphQl(NETWORK)));
		assertThat(contacts.check().passed()).isTrue();
		String account = ACCOUNT + phone.replace(' ', '-');
		assertThat(networkBefore.keySet()).as("the unresolved account is in the network before")
			.anyMatch(edge -> edge.startsWith(account + ">"));

		HttpResponse<String> merged = as("investigator").graphQl(DECIDE, Map.of("id", byPhone.path("id").asString(),
				"decision", "SAME", "reason", "officer C's own number (duty roster)"));
		JsonNode decided = data(merged).path("decideMatch");
		assertThat(decided.path("__typename").asString()).as(decided.toString()).isEqualTo("MatchDecided");
		assertThat(decided.path("candidate").path("status").asString()).isEqualTo("SAME");
		assertThat(decided.path("merge").path("survivor").path("id").asString()).isEqualTo("officer:c");
		assertThat(decided.path("merge").path("relationshipsMoved").asInt()).isEqualTo(3);
		String mergeId = decided.path("merge").path("id").asString();
		assertThat(Http.auditEntry(AUDIT_DIR, merged).path("changes").toString()).contains(mergeId);

		Map<String, Double> networkMerged = edges(data(as("investigator").graphQl(NETWORK)));
		assertThat(networkMerged.keySet()).noneMatch(edge -> edge.contains(account));
		assertThat(networkMerged).isEqualTo(summed(networkBefore, account, "officer:c"));
		assertThat(networkMerged.get("officer:c>officer:e"))
			.as("officer C's messages to E are the officer's and the number's together")
			.isGreaterThan(networkBefore.get("officer:c>officer:e"));
		assertThat(contacts.check().passed()).isTrue();
		assertThat(data(as("analyst").graphQl("{ merges { id survivor { id } } }")).path("merges").toString())
			.contains(mergeId);
		assertThat(
				ofAccount(data(as("investigator").graphQl(CANDIDATES)).path("matchCandidates").path("nodes"), account))
			.as("nothing left to decide for the merged account")
			.isEmpty();

		JsonNode undone = data(as("investigator").graphQl("mutation { undoMerge(mergeId: \"" + mergeId
				+ "\") { __typename ... on MergeUndone { relationshipsMoved candidate { status mergeId } } } }"))
			.path("undoMerge");
		assertThat(undone.path("__typename").asString()).isEqualTo("MergeUndone");
		assertThat(undone.path("relationshipsMoved").asInt()).isEqualTo(3);
		assertThat(undone.path("candidate").path("status").asString()).isEqualTo("OPEN");
		Path after = WORK_DIR.resolve("after.json");
		export.export(after);
		assertThat(Files.readString(after)).isEqualTo(Files.readString(before));
		assertThat(edges(data(as("investigator").graphQl(NETWORK)))).isEqualTo(networkBefore);
		assertThat(contacts.check().passed()).isTrue();
	}

	@Test
	void differentKeepsAPairAwayForGoodAndOfTwoConflictingMergesOneWins() throws IOException {
		importChat("Early turn", "+44 7700 900999", "early-turn.txt");
		List<JsonNode> forOficerD = ofAccount(
				data(as("investigator").graphQl(CANDIDATES)).path("matchCandidates").path("nodes"), EARLY + "Oficer-D");
		assertThat(forOficerD).hasSizeGreaterThanOrEqualTo(3);
		JsonNode unlikely = forOficerD.getLast();
		JsonNode different = decide(unlikely.path("id").asString(), "DIFFERENT", "D's colleague says not him");
		assertThat(different.path("candidate").path("status").asString()).isEqualTo("DIFFERENT");

		importChat("Early turn", "+44 7700 900998", "early-turn-2.txt");
		assertThat(ofAccount(data(as("investigator").graphQl(CANDIDATES)).path("matchCandidates").path("nodes"),
				EARLY + "Oficer-D"))
			.as("found again by the next import, and still left out")
			.noneMatch(node -> node.path("id").asString().equals(unlikely.path("id").asString()));

		List<CompletableFuture<JsonNode>> both = new ArrayList<>();
		for (JsonNode candidate : forOficerD.subList(0, 2)) {
			both.add(CompletableFuture
				.supplyAsync(() -> decide(candidate.path("id").asString(), "SAME", "the same night-turn officer")));
		}
		List<String> answers = both.stream()
			.map(CompletableFuture::join)
			.map(a -> a.path("__typename").asString())
			.sorted()
			.toList();
		assertThat(answers).containsExactly("Conflict", "MatchDecided");
		assertThat(contacts.check().passed()).isTrue();
	}

	private void importChat(String group, String phone, String name) throws IOException {
		Path file = WORK_DIR.resolve(name);
		Files.writeString(file,
				String.join("\n", "05/05/2017, 22:00 - Eddie created group \"" + group + "\"",
						"05/05/2017, 22:01 - Eddie added " + phone, "05/05/2017, 22:01 - Eddie added Oficer D",
						"05/05/2017, 22:05 - Eddie: Synthetic: anyone on tonight?",
						"05/05/2017, 22:06 - " + phone + ": Synthetic: yes, van 2",
						"05/05/2017, 22:07 - Oficer D: Synthetic: on my way",
						"06/05/2017, 01:10 - " + phone + ": Synthetic: quiet night",
						"06/05/2017, 01:12 - Eddie: Synthetic: good", ""));
		Path aliases = WORK_DIR.resolve("aliases.csv");
		Files.writeString(aliases, "alias,personId\nEddie,officer:e\n");
		importer.run(
				WhatsAppReader
					.read(new WhatsAppReader.Settings(file, group, aliases, ZoneId.of("Europe/London"), true, 5000)),
				new PrintStream(new ByteArrayOutputStream()));
	}

	private JsonNode decide(String id, String decision, String reason) {
		return data(as("investigator").graphQl(DECIDE, Map.of("id", id, "decision", decision, "reason", reason)))
			.path("decideMatch");
	}

	/** Each edge "source>target" with its weight. */
	private static Map<String, Double> edges(JsonNode data) {
		Map<String, Double> edges = new HashMap<>();
		data.path("contactNetwork")
			.path("edges")
			.forEach(edge -> edges.put(edge.path("source").asString() + ">" + edge.path("target").asString(),
					edge.path("weight").asDouble()));
		return edges;
	}

	/** The edges as they are once {@code absorbed}'s are {@code survivor}'s. */
	private static Map<String, Double> summed(Map<String, Double> edges, String absorbed, String survivor) {
		Map<String, Double> summed = new HashMap<>();
		edges.forEach((edge, weight) -> {
			String[] ends = edge.split(">");
			String source = ends[0].equals(absorbed) ? survivor : ends[0];
			String target = ends[1].equals(absorbed) ? survivor : ends[1];
			if (!source.equals(target)) {
				summed.merge(source + ">" + target, weight, Double::sum);
			}
		});
		return summed;
	}

	private static JsonNode candidate(JsonNode candidates, String account, String match) {
		for (JsonNode candidate : candidates) {
			if (candidate.path("account").path("id").asString().equals(account)
					&& candidate.path("match").path("id").asString().equals(match)) {
				return candidate;
			}
		}
		throw new AssertionError("no candidate " + account + " = " + match + " in " + candidates);
	}

	private static List<JsonNode> ofAccount(JsonNode candidates, String account) {
		List<JsonNode> found = new ArrayList<>();
		candidates.forEach(candidate -> {
			if (candidate.path("account").path("id").asString().equals(account)) {
				found.add(candidate);
			}
		});
		return found;
	}

	private Http as(String user) {
		return new Http(port).as(user, PASSWORD);
	}

	private static JsonNode data(HttpResponse<String> response) {
		JsonNode json = Http.json(response);
		assertThat(json.path("errors").isMissingNode()).as(response.body()).isTrue();
		return json.path("data");
	}

}
