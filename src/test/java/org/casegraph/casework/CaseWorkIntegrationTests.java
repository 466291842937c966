package org.casegraph.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.casegraph.Http;
import org.casegraph.TemporaryDataDir;
import org.casegraph.TestUsers;
import org.casegraph.ingest.Exhibit;
import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.Importer;
import org.casegraph.ingest.WriteCounts;
import org.casegraph.ingest.read.WhatsAppReader;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.security.SensitiveFields;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes and tags on the reference case, over HTTP in {@code users} mode as front ends
 * send them: written by an investigator, read back through {@code node}, a contact
 * network and {@code where}; refused to a viewer as {@code Forbidden}; every write and
 * refusal in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB", "casegraph.security.mode=users" })
class CaseWorkIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-casework-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-casework-audit-");

	private static final String NOTE_FIELDS = "__typename ... on Note { id entityId text author version deleted links history { version text by } } "
			+ "... on NotFound { message ids } ... on Conflict { message currentVersion } ... on Forbidden { message role } "
			+ "... on Invalid { message argument }";

	private static final String TAG_FIELDS = "__typename ... on Tagged { tag { name colour count } entityIds } "
			+ "... on NotFound { message ids } ... on Forbidden { message role } ... on Invalid { message argument }";

	@LocalServerPort
	int port;

	@Autowired
	Importer importer;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
		TestUsers.register(registry, PASSWORD,
				Map.of("viewer", "viewer", "analyst", "analyst", "investigator", "investigator"));
	}

	@Test
	void anInvestigatorsNoteAndTagReadBackThroughNodeAContactNetworkAndWhere() throws IOException {
		HttpResponse<String> added = as("investigator")
			.graphQl("mutation AddNote { addNote(entityId: \"officer:c\", text: \"Check the night-turn rota\", "
					+ "links: [\"group:night-turn\"]) { " + NOTE_FIELDS + " } }");
		JsonNode note = data(added).path("addNote");
		assertThat(note.path("__typename").asString()).isEqualTo("Note");
		assertThat(note.path("author").asString()).isEqualTo("investigator");
		assertThat(note.path("version").asInt()).isEqualTo(1);
		assertThat(note.path("links").toString()).isEqualTo("[\"group:night-turn\"]");

		JsonNode tagged = data(
				as("investigator").graphQl("mutation { tag(entityIds: [\"officer:c\", \"group:night-turn\"], "
						+ "name: \"priority\", colour: \"#D55E00\") { " + TAG_FIELDS + " } }"))
			.path("tag");
		assertThat(tagged.path("__typename").asString()).isEqualTo("Tagged");
		assertThat(tagged.path("tag").toString())
			.isEqualTo("{\"name\":\"priority\",\"colour\":\"#d55e00\",\"count\":2}");

		JsonNode officer = data(as("viewer").graphQl(
				"{ node(id: \"officer:c\") { ... on Officer { notes { id text author } tags { name colour count } } } }"))
			.path("node");
		assertThat(officer.path("notes")).hasSize(1);
		assertThat(officer.path("notes").get(0).path("id").asString()).isEqualTo(note.path("id").asString());
		assertThat(officer.path("notes").get(0).path("text").asString()).isEqualTo("Check the night-turn rota");
		assertThat(officer.path("tags").toString())
			.isEqualTo("[{\"name\":\"priority\",\"colour\":\"#d55e00\",\"count\":2}]");

		JsonNode network = data(as("viewer")
			.graphQl("{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}) { nodes { id properties } } }"))
			.path("contactNetwork")
			.path("nodes");
		List<String> taggedNodes = new ArrayList<>();
		network.forEach(node -> {
			if (node.path("properties").path("tags").toString().equals("[\"priority\"]")) {
				taggedNodes.add(node.path("id").asString());
			}
		});
		assertThat(taggedNodes).containsExactly("officer:c");

		JsonNode where = data(as("viewer").graphQl("{ officers(where: {tags: {eq: \"priority\"}}) { nodes { id } } "
				+ "groups: chatGroups(where: {tags: {in: [\"priority\", \"other\"]}}) { nodes { id } } }"));
		assertThat(where.path("officers").path("nodes").toString()).isEqualTo("[{\"id\":\"officer:c\"}]");
		assertThat(where.path("groups").path("nodes").toString()).isEqualTo("[{\"id\":\"group:night-turn\"}]");

		JsonNode entry = entry(added);
		assertThat(entry.path("outcome").asString()).isEqualTo("success");
		assertThat(entry.path("operation").asString()).isEqualTo("AddNote");
		assertThat(entry.path("changes").get(0).path("note").asString()).isEqualTo(note.path("id").asString());
		assertThat(entry.path("changes").get(0).path("entity").asString()).isEqualTo("officer:c");

		JsonNode untagged = data(as("investigator").graphQl(
				"mutation { untag(entityIds: [\"group:night-turn\"], name: \"priority\") { " + TAG_FIELDS + " } }"))
			.path("untag");
		assertThat(untagged.path("tag").path("count").asInt()).isEqualTo(1);
	}

	/**
	 * A contact network asked again is answered from what is kept, without a statement,
	 * after a note, a saved search, its run and a term list (none of which it reads); a
	 * tag, which its nodes show, lets it go, and it is read again with the tag.
	 */
	@Test
	void notesSavedSearchesAndTermListsLeaveKeptNetworksInPlaceATagLetsThemGo(@Autowired ReadOnlyCypher reads) {
		AtomicLong statements = new AtomicLong();
		AtomicBoolean counting = new AtomicBoolean();
		reads.observe(ran -> {
			if (counting.get()) {
				statements.addAndGet(ran.size());
			}
		});
		String network = "{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}) { nodes { id properties } edges { id } } }";
		Map<String, Supplier<JsonNode>> writes = new LinkedHashMap<>();
		writes.put("a note", () -> data(as("investigator")
			.graphQl("mutation { addNote(entityId: \"unit:impact\", text: \"kept\") { " + NOTE_FIELDS + " } }")));
		writes.put("a saved search and its run", () -> {
			String id = data(as("investigator").graphQl(
					"mutation { saveSearch(name: \"Kept\", query: \"{ tags { name } }\") { ... on SavedSearch { id } } }"))
				.path("saveSearch")
				.path("id")
				.asString();
			return run("investigator", id);
		});
		writes.put("a term list", () -> data(as("investigator")
			.graphQl("mutation { saveTermList(name: \"kept\", terms: [{text: \"rota\"}]) { __typename } }")));
		// The first of each also names what the store had no name for yet (a label, a
		// property key), each name in a transaction of its own, which moves the version
		// on.
		writes.values().forEach(Supplier::get);
		JsonNode first = data(as("viewer").graphQl(network)).path("contactNetwork");
		assertThat(first.path("edges")).isNotEmpty();
		for (Map.Entry<String, Supplier<JsonNode>> write : writes.entrySet()) {
			write.getValue().get();
			counting.set(true);
			JsonNode again = data(as("viewer").graphQl(network)).path("contactNetwork");
			counting.set(false);
			assertThat(statements.getAndSet(0)).as("statements after " + write.getKey()).isZero();
			assertThat(again).as(write.getKey()).isEqualTo(first);
		}

		JsonNode tagged = data(as("investigator")
			.graphQl("mutation { tag(entityIds: [\"officer:c\"], name: \"kept-check\") { " + TAG_FIELDS + " } }"))
			.path("tag");
		assertThat(tagged.path("__typename").asString()).isEqualTo("Tagged");
		try {
			counting.set(true);
			JsonNode afterTag = data(as("viewer").graphQl(network)).path("contactNetwork");
			counting.set(false);
			assertThat(statements.get()).as("statements after a tag").isPositive();
			List<String> taggedNodes = new ArrayList<>();
			afterTag.path("nodes").forEach(node -> {
				if (node.path("properties").path("tags").toString().contains("kept-check")) {
					taggedNodes.add(node.path("id").asString());
				}
			});
			assertThat(taggedNodes).containsExactly("officer:c");
		}
		finally {
			counting.set(false);
			as("investigator")
				.graphQl("mutation { untag(entityIds: [\"officer:c\"], name: \"kept-check\") { " + TAG_FIELDS + " } }");
		}
	}

	@Test
	void aStaleEditGetsConflictAndADeletedNoteKeepsItsHistory() {
		String id = data(as("investigator")
			.graphQl("mutation { addNote(entityId: \"officer:d\", text: \"first\") { " + NOTE_FIELDS + " } }"))
			.path("addNote")
			.path("id")
			.asString();
		JsonNode second = update(id, 1, "second");
		assertThat(second.path("version").asInt()).isEqualTo(2);

		JsonNode stale = update(id, 1, "from an old copy");
		assertThat(stale.path("__typename").asString()).isEqualTo("Conflict");
		assertThat(stale.path("currentVersion").asInt()).isEqualTo(2);

		JsonNode deleted = data(
				as("investigator").graphQl("mutation { deleteNote(id: \"" + id + "\") { " + NOTE_FIELDS + " } }"))
			.path("deleteNote");
		assertThat(deleted.path("deleted").asBoolean()).isTrue();
		assertThat(deleted.path("version").asInt()).isEqualTo(3);
		assertThat(deleted.path("history").toString()).isEqualTo(
				"[{\"version\":1,\"text\":\"first\",\"by\":\"investigator\"},{\"version\":2,\"text\":\"second\",\"by\":\"investigator\"}]");

		JsonNode officer = data(as("viewer").graphQl(
				"{ node(id: \"officer:d\") { ... on Officer { notes { id } } } all: notes(entityId: \"officer:d\", includeDeleted: true) { id deleted text } }"));
		assertThat(officer.path("node").path("notes")).isEmpty();
		assertThat(officer.path("all").toString())
			.isEqualTo("[{\"id\":\"" + id + "\",\"deleted\":true,\"text\":\"second\"}]");
		assertThat(update(id, 3, "after deletion").path("__typename").asString()).isEqualTo("Conflict");
	}

	@Test
	void ofTwoEditsFromTheSameVersionExactlyOneWins() {
		String id = data(as("investigator")
			.graphQl("mutation { addNote(entityId: \"officer:e\", text: \"draft\") { " + NOTE_FIELDS + " } }"))
			.path("addNote")
			.path("id")
			.asString();
		List<CompletableFuture<JsonNode>> edits = Stream.of("one", "two", "three", "four")
			.map(text -> CompletableFuture.supplyAsync(() -> update(id, 1, text)))
			.toList();
		List<String> outcomes = edits.stream().map(edit -> edit.join().path("__typename").asString()).sorted().toList();

		assertThat(outcomes).containsExactly("Conflict", "Conflict", "Conflict", "Note");
	}

	@Test
	void theAuditOutcomeComesFromTheAnswersErrorsNotItsWords() throws IOException {
		String words = "Marked LIMIT_EXCEEDED and \\\"FORBIDDEN\\\" by the reviewer";
		HttpResponse<String> added = as("investigator")
			.graphQl("mutation { addNote(entityId: \"officer:g\", text: \"" + words + "\") { " + NOTE_FIELDS + " } }");
		assertThat(data(added).path("addNote").path("text").asString()).contains("LIMIT_EXCEEDED", "\"FORBIDDEN\"");
		HttpResponse<String> read = as("investigator")
			.graphQl("{ node(id: \"officer:g\") { ... on Officer { notes { text } } } }");
		assertThat(read.body()).contains("LIMIT_EXCEEDED", "\\\"FORBIDDEN\\\"");
		assertThat(entry(added).path("outcome").asString()).isEqualTo("success");
		assertThat(entry(read).path("outcome").asString()).isEqualTo("success");

		String tooDeep = "{ investigations { nodes { " + "links { investigation { ".repeat(7) + "id" + " } }".repeat(7)
				+ " } } }";
		HttpResponse<String> refused = as("viewer").graphQl(tooDeep);
		assertThat(refused.body()).contains("LIMIT_EXCEEDED");
		assertThat(entry(refused).path("outcome").asString()).isEqualTo("limit");
		HttpResponse<String> invalid = as("viewer").graphQl("{ node(id: \"officer:g\") { noSuchField } }");
		assertThat(entry(invalid).path("outcome").asString()).isEqualTo("error");
	}

	@Test
	void aViewersAndAnAnalystsWritesAreForbiddenAndAudited() throws IOException {
		for (String user : List.of("viewer", "analyst")) {
			HttpResponse<String> refused = as(user)
				.graphQl("mutation Probe { addNote(entityId: \"officer:f\", text: \"x\") { " + NOTE_FIELDS
						+ " } tag(entityIds: [\"officer:f\"], name: \"x\") { " + TAG_FIELDS + " } }");
			JsonNode payload = data(refused);
			assertThat(payload.path("addNote").path("__typename").asString()).isEqualTo("Forbidden");
			assertThat(payload.path("addNote").path("role").asString()).isEqualTo("investigator");
			assertThat(payload.path("tag").path("__typename").asString()).isEqualTo("Forbidden");
			JsonNode entry = entry(refused);
			assertThat(entry.path("outcome").asString()).isEqualTo("denied");
			assertThat(entry.path("denials").toString()).contains("Mutation.addNote needs the investigator role");
			assertThat(entry.has("changes")).isFalse();
		}
		JsonNode officer = data(as("investigator")
			.graphQl("{ node(id: \"officer:f\") { ... on Officer { notes { id } tags { name } } } }")).path("node");
		assertThat(officer.path("notes")).isEmpty();
		assertThat(officer.path("tags")).isEmpty();
	}

	@Test
	void badArgumentsAreInvalidAndUnknownIdsNotFound() {
		JsonNode missing = data(as("investigator")
			.graphQl("mutation { addNote(entityId: \"officer:nobody\", text: \"x\") { " + NOTE_FIELDS + " } }"))
			.path("addNote");
		assertThat(missing.path("__typename").asString()).isEqualTo("NotFound");
		assertThat(missing.path("ids").toString()).isEqualTo("[\"officer:nobody\"]");

		JsonNode blank = data(as("investigator")
			.graphQl("mutation { addNote(entityId: \"officer:a\", text: \"  \") { " + NOTE_FIELDS + " } }"))
			.path("addNote");
		assertThat(blank.path("argument").asString()).isEqualTo("text");

		JsonNode colour = data(as("investigator").graphQl(
				"mutation { tag(entityIds: [\"officer:a\"], name: \"x\", colour: \"red\") { " + TAG_FIELDS + " } }"))
			.path("tag");
		assertThat(colour.path("__typename").asString()).isEqualTo("Invalid");
		assertThat(colour.path("message").asString())
			.isEqualTo("Argument 'colour': 'red' is not a colour such as #d55e00");

		JsonNode unknownNote = update("note:nothing", 1, "x");
		assertThat(unknownNote.path("__typename").asString()).isEqualTo("NotFound");
		JsonNode unknownTag = data(as("investigator")
			.graphQl("mutation { untag(entityIds: [\"officer:a\"], name: \"never-made\") { " + TAG_FIELDS + " } }"))
			.path("untag");
		assertThat(unknownTag.path("__typename").asString()).isEqualTo("NotFound");
	}

	@Test
	void aSavedSearchOverFlaggedMessagesReportsExactlyTheNewIdsAfterAnImport() {
		String query = "query Flagged { messages(first: 100, where: {flagged: {eq: true}}, "
				+ "orderBy: {field: ID, direction: DESC}) { nodes { id } } }";
		JsonNode saved = data(as("investigator").graphQl(
				"mutation Save($q: String!) { saveSearch(name: \"Flagged\", "
						+ "query: $q, shared: true) { __typename ... on SavedSearch { id owner shared } } }",
				Map.of("q", query)))
			.path("saveSearch");
		assertThat(saved.path("__typename").asString()).isEqualTo("SavedSearch");
		String id = saved.path("id").asString();

		JsonNode first = run("viewer", id);
		assertThat(first.path("ids")).hasSize(100);
		assertThat(first.path("newIds")).hasSize(100);
		assertThat(first.path("lastRunAt").isNull()).isTrue();
		assertThat(data(as("viewer").graphQl("{ alerts { newIds } }")).path("alerts")).isEmpty();

		GraphBatch batch = new GraphBatch();
		for (String suffix : List.of("1", "2")) {
			batch.message("message:zz-casework-" + suffix, "officer:a", "group:impact-chat",
					Map.of("sentAt", OffsetDateTime.parse("2017-03-0" + suffix + "T21:00:00Z"), "body",
							"Synthetic: flagged " + suffix, "channel", "GROUP", "flagged", true, "discriminatory",
							true));
		}
		importer.run(new ImportPlan("casework test", "casework-test", List.of(batch), WriteCounts.NONE, List.of()),
				new PrintStream(new ByteArrayOutputStream()));

		JsonNode alerts = data(as("viewer").graphQl("{ alerts { search { id } newIds } }")).path("alerts");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("newIds").toString())
			.isEqualTo("[\"message:zz-casework-2\",\"message:zz-casework-1\"]");
		JsonNode second = run("viewer", id);
		assertThat(second.path("newIds").toString()).isEqualTo("[\"message:zz-casework-2\",\"message:zz-casework-1\"]");
		assertThat(second.path("lastRunAt").isNull()).isFalse();
		assertThat(run("viewer", id).path("newIds")).isEmpty();
		assertThat(data(as("viewer").graphQl("{ alerts { newIds } }")).path("alerts")).isEmpty();
		assertThat(data(as("investigator").graphQl("{ alerts { newIds } }")).path("alerts"))
			.as("the investigator never ran it: no baseline, no alert")
			.isEmpty();
	}

	@Test
	void aSavedSearchMustBeOneQueryAndRunsWithTheRunnersRights() {
		JsonNode mutation = data(as("investigator").graphQl(
				"mutation { saveSearch(name: \"sneaky\", query: \"mutation { deleteNote(id: \\\"x\\\") { __typename } }\") "
						+ "{ __typename ... on Invalid { argument message } } }"))
			.path("saveSearch");
		assertThat(mutation.path("argument").asString()).isEqualTo("query");
		assertThat(mutation.path("message").asString()).contains("one query, not a mutation");
		assertThat(data(as("viewer")
			.graphQl("mutation { saveSearch(name: \"x\", query: \"{ tags { name } }\") { __typename } }"))
			.path("saveSearch")
			.path("__typename")
			.asString()).isEqualTo("Forbidden");

		String id = data(as("investigator")
			.graphQl("mutation { saveSearch(name: \"Bodies\", query: \"{ messages(first: 3) { nodes { id body } } }\") "
					+ "{ ... on SavedSearch { id } } }"))
			.path("saveSearch")
			.path("id")
			.asString();
		assertThat(data(as("viewer").graphQl("{ savedSearches { id } }")).path("savedSearches").toString())
			.as("private to its owner")
			.doesNotContain(id);
		JsonNode own = run("investigator", id);
		assertThat(own.path("result").path("messages").path("nodes").get(0).path("body").asString())
			.isNotEqualTo(SensitiveFields.PLACEHOLDER);
		JsonNode hidden = data(
				as("viewer").graphQl("{ runSavedSearch(id: \"" + id + "\") { __typename ... on NotFound { ids } } }"))
			.path("runSavedSearch");
		assertThat(hidden.path("__typename").asString()).isEqualTo("NotFound");
	}

	@Test
	void gradesInThe3x5x2SchemeLimitSourcesClaimsMessagesAndAReport() {
		assertThat(grade("source:S1", 1, "A", "P").path("grade").path("code").asString()).isEqualTo("1AP");
		assertThat(grade("claim:S5:conduct-period", 2, "b", "c").path("grade").path("code").asString())
			.isEqualTo("2BC");
		assertThat(grade("claim:S2:conduct-period", 3, "E", "P").path("kind").asString()).isEqualTo("Claim");
		assertThat(grade("source:S1", 4, "A", "P").path("argument").asString()).isEqualTo("sourceEvaluation");
		assertThat(grade("source:S1", 1, "F", "P").path("argument").asString()).isEqualTo("intelligence");
		assertThat(grade("source:S1", 1, "A", "X").path("argument").asString()).isEqualTo("handling");
		assertThat(grade("officer:a", 1, "A", "P").path("message").asString())
			.contains("only a source, a claim or an exhibit");
		assertThat(grade("source:S99", 1, "A", "P").path("__typename").asString()).isEqualTo("NotFound");
		assertThat(data(as("viewer").graphQl(
				"mutation { setGrade(entityId: \"source:S2\", sourceEvaluation: 1, intelligence: \"A\", handling: \"P\") "
						+ "{ __typename } }"))
			.path("setGrade")
			.path("__typename")
			.asString()).isEqualTo("Forbidden");

		assertThat(data(as("viewer")
			.graphQl("{ sources(where: {grade: {atLeast: \"2B\"}}) { nodes { id grade { code gradedBy } } } }"))
			.path("sources")
			.path("nodes")
			.toString())
			.isEqualTo("[{\"id\":\"source:S1\",\"grade\":{\"code\":\"1AP\",\"gradedBy\":\"investigator\"}}]");
		assertThat(data(as("viewer").graphQl("{ claims(topic: \"conduct-period\", minGrade: \"2B\") { id } }"))
			.path("claims")
			.toString()).as("S1's by its source's grade, S5's by its own; S2's graded 3E")
			.isEqualTo("[{\"id\":\"claim:S1:conduct-period\"},{\"id\":\"claim:S5:conduct-period\"}]");
		assertThat(Http.json(as("viewer").graphQl("{ claims(topic: \"conduct-period\", minGrade: \"4F\") { id } }"))
			.path("errors")
			.get(0)
			.path("message")
			.asString()).contains("Argument 'minGrade'").contains("3x5x2");

		Path file = Path.of("src/test/resources/whatsapp/android-24h.txt");
		Exhibit exhibit = Exhibit.of(file, "investigator");
		importer.run(WhatsAppReader
			.read(new WhatsAppReader.Settings(file, "Graded exhibit", null, ZoneId.of("Europe/London"), true, 5000))
			.stamped(exhibit), exhibit, new PrintStream(new ByteArrayOutputStream()));
		String graded = "{ messages(first: 50, where: {exhibitGrade: {atLeast: \"2B\"}}) { totalCount } }";
		assertThat(grade(exhibit.id(), 3, "E", "P").path("kind").asString()).isEqualTo("Exhibit");
		assertThat(data(as("viewer").graphQl(graded)).path("messages").path("totalCount").asInt()).isZero();
		grade(exhibit.id(), 2, "B", "C");
		assertThat(data(as("viewer").graphQl(graded)).path("messages").path("totalCount").asInt()).isEqualTo(6);
		assertThat(data(as("viewer").graphQl("{ messages(first: 1, where: {exhibitGrade: {atLeast: \"2B\"}}) "
				+ "{ nodes { exhibit { grade { code } } } } }"))
			.path("messages")
			.path("nodes")
			.get(0)
			.path("exhibit")
			.path("grade")
			.path("code")
			.asString()).isEqualTo("2BC");

		JsonNode report = data(
				as("analyst").graphQl("{ runReport(name: \"graded-claims\", params: {minGrade: \"2B\"}) { rows } }"))
			.path("runReport")
			.path("rows");
		List<String> claims = new ArrayList<>();
		// Rows hold the columns in order: topic, claim, source, value, grade, gradedOn.
		report.forEach(row -> claims.add(row.get(1).asString() + " " + row.get(4).asString()));
		assertThat(claims).contains("claim:S1:conduct-period 1AP", "claim:S5:conduct-period 2BC")
			.noneMatch(claim -> claim.startsWith("claim:S2:"));
		assertThat(Http
			.json(as("analyst").graphQl("{ runReport(name: \"graded-claims\", params: {minGrade: \"9Z\"}) { rows } }"))
			.path("errors")
			.toString()).contains("minGrade");
	}

	private JsonNode grade(String id, int source, String intelligence, String handling) {
		return data(as("investigator").graphQl(
				"mutation G($id: ID!, $s: Int!, $i: String!, $h: String!) { "
						+ "setGrade(entityId: $id, sourceEvaluation: $s, intelligence: $i, handling: $h) { __typename "
						+ "... on Graded { entityId kind grade { code gradedBy } } ... on Invalid { message argument } "
						+ "... on NotFound { message } ... on Forbidden { message } } }",
				Map.of("id", id, "s", source, "i", intelligence, "h", handling)))
			.path("setGrade");
	}

	private JsonNode run(String user, String id) {
		JsonNode run = data(as(user).graphQl("{ runSavedSearch(id: \"" + id
				+ "\") { __typename ... on SavedSearchRun { ids newIds lastRunAt result } ... on Invalid { message } } }"))
			.path("runSavedSearch");
		assertThat(run.path("__typename").asString()).as(run.toString()).isEqualTo("SavedSearchRun");
		return run;
	}

	private JsonNode update(String id, int version, String text) {
		return data(as("investigator").graphQl("mutation { updateNote(id: \"" + id + "\", version: " + version
				+ ", text: \"" + text + "\") { " + NOTE_FIELDS + " } }"))
			.path("updateNote");
	}

	private Http as(String user) {
		return new Http(port).as(user, PASSWORD);
	}

	private static JsonNode data(HttpResponse<String> response) {
		JsonNode json = Http.json(response);
		assertThat(json.path("errors").isMissingNode()).as(response.body()).isTrue();
		return json.path("data");
	}

	private static JsonNode entry(HttpResponse<String> response) throws IOException {
		return Http.auditEntry(AUDIT_DIR, response);
	}

}
