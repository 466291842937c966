package org.casegraph.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.casegraph.Http;
import org.casegraph.TemporaryDataDir;
import org.casegraph.TestUsers;
import org.casegraph.explore.Browser;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code users} mode on the reference case, over HTTP as clients reach it: a viewer, an
 * analyst, an investigator and an admin from configuration. Every message body and phone
 * number reads as the placeholder for the viewer on every route, probing them is refused,
 * and each request leaves an audit entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB",
				"casegraph.security.mode=users", "casegraph.security.lockout.attempts=3" })
class UsersModeIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-users-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-users-audit-");

	private static final String PLACEHOLDER = SensitiveFields.PLACEHOLDER;

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	Neo4jConnectionDetails connection;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TemporaryDataDir.register(registry, DATA_DIR, AUDIT_DIR);
		registry.add("casegraph.reports.directory", UsersModeIntegrationTests::probeReport);
		TestUsers.register(registry, PASSWORD, Map.of("viewer", "viewer", "analyst", "analyst", "investigator",
				"investigator", "admin", "admin", "locked", "viewer"));
	}

	Http anonymous() {
		return new Http(port);
	}

	Http as(String user) {
		return new Http(port).as(user, PASSWORD);
	}

	@Test
	void withoutCredentialsEveryRouteAnswers401() throws IOException {
		long deniedBefore = deniedEntries();
		assertThat(anonymous().graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(401);
		assertThat(anonymous().post("/graph/gexf", graphBody(NEIGHBOURHOOD)).statusCode()).isEqualTo(401);
		assertThat(anonymous().get("/reports/top-contacts.csv?person=officer:a").statusCode()).isEqualTo(401);
		assertThat(anonymous().get("/audit").statusCode()).isEqualTo(401);
		for (String page : List.of("/explore", "/graphiql", "/session", "/explore/js/main.js",
				"/webjars/cytoscape/dist/cytoscape.min.js")) {
			assertThat(anonymous().get(page).statusCode()).as(page).isEqualTo(401);
		}
		assertThat(as("viewer").with("Authorization", "Basic dmlld2VyOndyb25n")
			.graphQl("{ units { nodes { id } } }")
			.statusCode()).isEqualTo(401);
		assertThat(deniedEntries() - deniedBefore).as("a denied entry per refused request").isGreaterThanOrEqualTo(5);
	}

	private static long deniedEntries() throws IOException {
		try (Stream<Path> files = Files.list(AUDIT_DIR)) {
			long denied = 0;
			for (Path file : files.toList()) {
				denied += Files.readAllLines(file)
					.stream()
					.filter(line -> line.contains("\"outcome\":\"denied\""))
					.count();
			}
			return denied;
		}
	}

	@Test
	void aViewerSeesTermHitCountsAndOffsetsButNoWordsAndCannotSaveAList() {
		HttpResponse<String> response = as("viewer").graphQl(
				"{ termHits(list: \"reference-case\", first: 20) { messages matches { message { body } spans { start end text } } } }");
		JsonNode hits = Http.json(response).path("data").path("termHits");
		assertThat(hits.path("messages").asLong()).isPositive();
		assertThat(hits.path("matches")).hasSize(20).allSatisfy(match -> {
			assertThat(match.path("message").path("body").asString()).isEqualTo(PLACEHOLDER);
			assertThat(match.path("spans")).isNotEmpty().allSatisfy(span -> {
				assertThat(span.path("text").asString()).isEqualTo(PLACEHOLDER);
				assertThat(span.path("end").asInt()).isGreaterThan(span.path("start").asInt());
			});
		});
		assertThat(Http.json(response).path("extensions").path("redacted").path("TermSpan.text").asLong()).isPositive();

		JsonNode saved = Http.json(as("viewer").graphQl(
				"mutation { saveTermList(name: \"mine\", terms: [{text: \"van\"}]) { __typename ... on Forbidden { role } } }"));
		assertThat(saved.path("data").path("saveTermList").path("__typename").asString()).isEqualTo("Forbidden");
		assertThat(saved.path("data").path("saveTermList").path("role").asString()).isEqualTo("investigator");
		JsonNode lists = Http.json(as("viewer").graphQl("{ termLists(name: \"mine\") { version } }"));
		assertThat(lists.path("data").path("termLists")).isEmpty();
	}

	@Test
	void theViewerGetsThePlaceholderForEveryBodyAndNumber() {
		HttpResponse<String> messages = as("viewer")
			.graphQl("{ messages(first: 50) { nodes { id body sender { accounts { handle } } } } }");
		JsonNode nodes = Http.json(messages).path("data").path("messages").path("nodes");
		assertThat(nodes).hasSize(50);
		nodes.forEach(node -> assertThat(node.get("body").asString()).isEqualTo(PLACEHOLDER));
		assertThat(Http.json(messages).path("extensions").path("redacted").path("Message.body").asLong()).isEqualTo(50);
		assertThat(messages.body()).doesNotContain(anyOf(bodies())).doesNotContain(anyOf(handles()));

		String message = nodes.get(0).get("id").asString();
		JsonNode node = Http
			.json(as("viewer").graphQl("{ node(id: \"" + message + "\") { ... on Message { body } } }"));
		assertThat(node.path("data").path("node").path("body").asString()).isEqualTo(PLACEHOLDER);

		JsonNode graph = Http.json(as("viewer").graphQl(NEIGHBOURHOOD)).path("data").path("neighbourhood");
		List<JsonNode> sensitiveNodes = new ArrayList<>();
		graph.path("nodes").forEach(each -> {
			if (Set.of("Message", "Account").contains(each.get("kind").asString())) {
				sensitiveNodes.add(each);
			}
		});
		assertThat(sensitiveNodes).isNotEmpty().allSatisfy(each -> {
			JsonNode properties = each.get("properties");
			String field = each.get("kind").asString().equals("Message") ? "body" : "handle";
			if (properties.has(field)) {
				assertThat(properties.get(field).asString()).isEqualTo(PLACEHOLDER);
			}
			assertThat(bodies()).doesNotContain(each.get("label").asString());
			assertThat(handles()).doesNotContain(each.get("label").asString());
		});
	}

	@Test
	void everyDownloadOfTheViewerHoldsNoMessageTextOrNumber() {
		for (String format : List.of("cytoscape", "graphology", "graphml", "gexf")) {
			HttpResponse<String> download = as("viewer").post("/graph/" + format, graphBody(NEIGHBOURHOOD));
			assertThat(download.statusCode()).as(format).isEqualTo(200);
			assertThat(download.body()).as(format).contains(PLACEHOLDER);
			assertThat(download.headers().firstValue("X-Casegraph-Redacted")).as(format)
				.hasValueSatisfying(value -> assertThat(value).contains("Message.body="));
			assertThat(download.body()).as(format).doesNotContain(anyOf(bodies())).doesNotContain(anyOf(handles()));
		}
		HttpResponse<String> investigators = as("investigator").post("/graph/graphml", graphBody(NEIGHBOURHOOD));
		assertThat(investigators.body()).doesNotContain(PLACEHOLDER);
	}

	@Test
	void probingASensitiveFieldIsForbidden() {
		assertForbidden(as("viewer").graphQl("{ messages(where: { body: { contains: \"a\" } }) { nodes { id } } }"),
				"where.body");
		assertForbidden(as("viewer").graphQl(
				"{ messages(where: { AND: [{ flagged: { eq: true } }, { body: { contains: \"a\" } }] }) { nodes { id } } }"),
				"where.body");
		assertForbidden(as("viewer").graphQl("{ search(text: \"Leicester\") { node { id } } }"), "'text'");
		assertForbidden(
				as("viewer").graphQl("{ runReport(name: \"top-contacts\", params: {person: \"officer:a\"}) { rows } }"),
				"runReport");
		assertForbidden(
				as("viewer").graphQl(
						"{ linkedInvestigations(id: \"investigation:hotton-1\", explain: true) { nodes { id } } }"),
				"explain");
		assertThat(as("viewer").get("/reports/top-contacts.csv?person=officer:a").statusCode()).isEqualTo(403);
		assertThat(as("investigator")
			.graphQl("{ messages(where: { body: { contains: \"a\" } }, first: 1) { nodes { id body } } }")
			.body()).doesNotContain("FORBIDDEN").doesNotContain(PLACEHOLDER);
	}

	@Test
	void theAnalystRunsReportsWithoutSensitiveValuesAndTheInvestigatorReadsThem() {
		HttpResponse<String> report = as("analyst")
			.graphQl("{ runReport(name: \"top-contacts\", params: {person: \"officer:a\", limit: 3}) { rows } }");
		assertThat(report.body()).doesNotContain("errors").contains("officer:b");
		assertThat(as("analyst").get("/reports/top-contacts.csv?person=officer:a&limit=3").statusCode()).isEqualTo(200);

		HttpResponse<String> read = as("investigator").graphQl("{ messages(first: 20) { nodes { id body } } }");
		List<String> read20 = new ArrayList<>();
		Http.json(read)
			.path("data")
			.path("messages")
			.path("nodes")
			.forEach(node -> read20.add(node.get("body").asString()));
		assertThat(read20).hasSize(20).doesNotContain(PLACEHOLDER);
		assertThat(bodies()).containsAll(read20.stream().filter(body -> body.length() >= 12).toList());
	}

	@Test
	void everyRootFieldAndDownloadWalkedByTheViewerDisclosesNothing() {
		Map<String, String> documents = rootFieldDocuments();
		Set<String> rootFields = new TreeSet<>();
		Http.json(as("viewer").graphQl("{ __schema { queryType { fields { name } } } }"))
			.path("data")
			.path("__schema")
			.path("queryType")
			.path("fields")
			.forEach(field -> rootFields.add(field.get("name").asString()));
		assertThat(documents.keySet()).as("a document for every root field").containsAll(rootFields);

		List<String> bodies = bodies();
		List<String> handles = handles();
		for (Map.Entry<String, String> document : documents.entrySet()) {
			HttpResponse<String> response = as("viewer").graphQl(document.getValue());
			assertThat(response.statusCode()).as(document.getKey()).isEqualTo(200);
			assertThat(response.body()).as(document.getKey())
				.doesNotContain(anyOf(bodies))
				.doesNotContain(anyOf(handles))
				.doesNotContain("Exception")
				.doesNotContain("\tat ");
			for (String format : List.of("cytoscape", "graphology", "graphml", "gexf")) {
				HttpResponse<String> download = as("viewer").post("/graph/" + format, graphBody(document.getValue()));
				assertThat(download.body()).as(document.getKey() + " as " + format)
					.doesNotContain(anyOf(bodies))
					.doesNotContain(anyOf(handles));
			}
		}
	}

	@Test
	void aNetworkKeptFromTheInvestigatorsAskIsStillAuditedAsTheViewersOwn() throws IOException {
		String network = rootFieldDocuments().get("contactNetwork");
		HttpResponse<String> investigators = as("investigator").graphQl(network);
		HttpResponse<String> viewers = as("viewer").graphQl(network);

		assertThat(viewers.body()).isEqualTo(investigators.body()).doesNotContain(anyOf(handles()));
		JsonNode entry = entry(viewers);
		assertThat(entry.path("actor").path("name").asString()).isEqualTo("viewer");
		assertThat(entry.path("entities").path("total").asLong()).isPositive()
			.isEqualTo(entry(investigators).path("entities").path("total").asLong());
	}

	@Test
	void everyRequestLeavesAnAuditEntry() throws IOException {
		HttpResponse<String> redacted = as("viewer")
			.graphQl("query firstMessages { messages(first: 3) { nodes { id body } } }");
		HttpResponse<String> disclosed = as("investigator")
			.with(Callers.JUSTIFICATION, "case 19/0042: review of night-turn messages")
			.graphQl("query readMessages { messages(first: 2) { nodes { id body } } }");
		HttpResponse<String> download = as("viewer").post("/graph/gexf", graphBody(NEIGHBOURHOOD));
		HttpResponse<String> refused = as("viewer").graphQl("{ search(text: \"Leicester\") { node { id } } }");
		HttpResponse<String> csv = as("analyst").get("/reports/top-contacts.csv?person=officer:a&limit=2");
		HttpResponse<String> audit = as("admin").get("/audit?user=viewer");

		JsonNode first = entry(redacted);
		assertThat(first.path("actor").path("name").asString()).isEqualTo("viewer");
		assertThat(first.path("actor").path("roles").toString()).contains("VIEWER").doesNotContain("ANALYST");
		assertThat(first.path("actor").path("authenticatedBy").asString()).isEqualTo("basic");
		assertThat(first.path("client").path("address").asString()).isEqualTo("127.0.0.1");
		assertThat(first.path("channel").asString()).isEqualTo("graphql");
		assertThat(first.path("operation").asString()).isEqualTo("firstMessages");
		assertThat(first.path("documentHash").asString()).hasSize(64);
		assertThat(first.path("entities").path("total").asLong()).isEqualTo(3);
		assertThat(first.path("redacted").path("Message.body").asLong()).isEqualTo(3);
		assertThat(first.path("outcome").asString()).isEqualTo("success");
		assertThat(first.has("durationMs")).isTrue();
		assertThat(first.path("prev").asString()).hasSize(64);
		assertThat(first.path("hash").asString()).hasSize(64);

		JsonNode second = entry(disclosed);
		assertThat(second.path("disclosed").path("Message.body")).hasSize(2);
		assertThat(second.path("justification").asString()).startsWith("case 19/0042");
		assertThat(entry(download).path("channel").asString()).isEqualTo("download");
		assertThat(entry(download).path("redacted").path("Message.body").asLong()).isPositive();
		assertThat(entry(refused).path("outcome").asString()).isEqualTo("denied");
		assertThat(entry(csv).path("channel").asString()).isEqualTo("report");
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(Http.json(audit).path("entries").size()).isPositive();
		assertThat(entry(audit).path("channel").asString()).isEqualTo("audit");
		assertThat(as("viewer").get("/audit").statusCode()).isEqualTo(403);
		JsonNode verify = Http.json(as("admin").get("/audit/verify"));
		assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
	}

	@Test
	void aBodyAboveTheLimitIsRefusedWithoutBeingReadAndAudited() throws IOException {
		String query = "{ units { nodes { id } } }";
		HttpResponse<String> under = as("viewer").graphQl(query, Map.of("padding", "x".repeat(1_000_000)));
		HttpResponse<String> over = as("viewer").graphQl(query, Map.of("padding", "x".repeat(1_048_576)));
		byte[] chunked = Http.JSON
			.writeValueAsBytes(Map.of("query", query, "variables", Map.of("padding", "x".repeat(1_500_000))));
		HttpResponse<String> overInChunks = as("viewer").postChunked("/graphql", chunked);

		assertThat(under.statusCode()).as(under.body()).isEqualTo(200);
		assertThat(Http.json(under).path("data").path("units").path("nodes").size()).isPositive();
		assertThat(over.statusCode()).isEqualTo(413);
		assertThat(Http.json(over).path("detail").asString()).startsWith("The body is 1048641 bytes")
			.endsWith("at most 1048576 bytes (casegraph.limits.request-body)");
		assertThat(overInChunks.statusCode()).isEqualTo(413);
		assertThat(Http.json(overInChunks).path("detail").asString()).startsWith("The body is more than 1048576 bytes");
		JsonNode refused = entry(over);
		assertThat(refused.path("actor").path("name").asString()).isEqualTo("viewer");
		assertThat(refused.path("status").asInt()).isEqualTo(413);
		assertThat(refused.path("outcome").asString()).isEqualTo("error");
		assertThat(as("viewer").graphQl(query).statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedFailedLoginsLockTheAccount() {
		Http wrong = new Http(port).as("locked", "not the password");
		for (int i = 0; i < 3; i++) {
			assertThat(wrong.graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(401);
		}
		assertThat(as("locked").graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(401);
		assertThat(as("viewer").graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(200);
	}

	@Test
	void boltServesTheApplicationAlone() {
		assertThat(connection.getUri().getPort()).as("not the configured port").isNotIn(0, 7687);
		try (Driver shipped = org.neo4j.driver.GraphDatabase.driver(connection.getUri(),
				org.neo4j.driver.AuthTokens.basic("neo4j", "casegraph-local"))) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> shipped.executableQuery("RETURN 1").execute())
				.isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
		}
	}

	@Test
	void anUnwritableAuditTrailRefusesWith503AndDisclosesNothing() throws IOException {
		Path aside = AUDIT_DIR.resolveSibling(AUDIT_DIR.getFileName() + "-aside");
		Files.move(AUDIT_DIR, aside);
		Files.writeString(AUDIT_DIR, "not a directory");
		try {
			HttpResponse<String> refused = as("investigator").graphQl("{ messages(first: 5) { nodes { id body } } }");
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.body()).doesNotContain("message:").doesNotContain("\"data\"");
			HttpResponse<String> download = as("viewer").post("/graph/graphml", graphBody(NEIGHBOURHOOD));
			assertThat(download.statusCode()).isEqualTo(503);
			assertThat(download.body()).doesNotContain("officer:a");
		}
		finally {
			Files.delete(AUDIT_DIR);
			Files.move(aside, AUDIT_DIR);
		}
		assertThat(as("viewer").graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(200);
	}

	@Test
	void everyTransactionCarriesTheRequestIdAndTheUser() {
		HttpResponse<String> probe = as("analyst").graphQl("{ runReport(name: \"transaction-metadata\") { rows } }");
		String requestId = probe.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode rows = Http.json(probe).path("data").path("runReport").path("rows");
		assertThat(rows).as(probe.body()).hasSize(1);
		assertThat(rows.get(0).get(0).path("requestId").asString()).isEqualTo(requestId);
		assertThat(rows.get(0).get(0).path("user").asString()).isEqualTo("analyst");
	}

	/** A report that returns the metadata of the transaction it runs in. */
	private static String probeReport() {
		Path dir = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-reports");
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("transaction-metadata.cypher"), """
					// name: transaction-metadata
					// title: This report's own transaction
					// description: The metadata of the transaction the report runs in.
					// column: metaData The transaction's metadata
					SHOW TRANSACTIONS YIELD metaData, currentQuery
					WHERE currentQuery CONTAINS 'transaction-metadata-probe'
					RETURN metaData
					""");
			Files.writeString(dir.resolve("message-texts.cypher"), """
					// name: message-texts
					// title: The first messages' texts
					// description: A report that returns a sensitive field, and says so.
					// column: id The message
					// column: text Its text
					// sensitive: text Message.body
					MATCH (m:Message) WHERE m.body IS NOT NULL
					RETURN m.id AS id, m.body AS text ORDER BY id LIMIT 3
					""");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return dir.toString();
	}

	@Test
	void aLoginSessionNeedsTheCsrfToken() throws Exception {
		try (java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager())
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
			.build()) {
			String page = browser
				.send(java.net.http.HttpRequest.newBuilder(uri("/login")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
			String token = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
			assertThat(token).isNotBlank().doesNotContain("<");
			HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=investigator&password="
						+ java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
						+ token))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location"))
				.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

			String query = graphBody("{ units { nodes { id } } }");
			HttpResponse<String> withoutToken = browser.send(java.net.http.HttpRequest.newBuilder(uri("/graphql"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(query))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(withoutToken.statusCode()).isEqualTo(403);
			String sessionToken = browser
				.send(java.net.http.HttpRequest.newBuilder(uri("/login")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString())
				.body();
			HttpResponse<String> withToken = browser.send(java.net.http.HttpRequest.newBuilder(uri("/graphql"))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", sessionToken.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1"))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(query))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
			assertThat(withToken.body()).contains("unit:impact");
		}
	}

	private java.net.URI uri(String path) {
		return java.net.URI.create("http://127.0.0.1:" + port + path);
	}

	@Test
	void aReportColumnThatHoldsASensitiveFieldIsRedactedBelowInvestigator() {
		HttpResponse<String> analysts = as("analyst").graphQl("{ runReport(name: \"message-texts\") { rows } }");
		assertThat(analysts.body()).contains(PLACEHOLDER).doesNotContain(anyOf(bodies()));
		assertThat(Http.json(analysts).path("extensions").path("redacted").path("Message.body").asLong()).isEqualTo(3);
		HttpResponse<String> csv = as("analyst").get("/reports/message-texts.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains(PLACEHOLDER).doesNotContain(anyOf(bodies()));
		assertThat(as("investigator").graphQl("{ runReport(name: \"message-texts\") { rows } }").body())
			.doesNotContain(PLACEHOLDER);
	}

	static final String NEIGHBOURHOOD = "{ neighbourhood(ids: [\"officer:a\", \"account:phone-a\"], depth: 2, limit: 300) "
			+ "{ nodes { id kind label properties } edges { id kind source target properties } } }";

	private static Map<String, String> rootFieldDocuments() {
		String graph = "{ nodes { id kind label properties } edges { id kind source target properties } }";
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("node", "{ a: node(id: \"account:phone-a\") { id ... on Account { handle } } "
				+ "m: node(id: \"officer:a\") { id ... on Person { name accounts { handle } } } }");
		documents.put("search", "{ search(text: \"Leicester\") { node { id } } }");
		documents.put("tags", "{ tags { name colour count } }");
		documents.put("savedSearches", "{ savedSearches { id name query } }");
		documents.put("alerts", "{ alerts { newIds } }");
		documents.put("matchCandidates",
				"{ matchCandidates { nodes { id account { id } evidence { kind detail } } } }");
		documents.put("merges", "{ merges { id absorbed { id } survivor { id } } }");
		documents.put("conversation", "{ conversation(between: [\"officer:a\", \"officer:c\"], first: 5) "
				+ "{ nodes { id body sender { id } } } }");
		documents.put("exposure", "{ exposure(message: \"message:ref-00010\", days: 3) { exposed { id node { id } } "
				+ "onward { messageId to } graph { nodes { id label properties } } } }");
		documents.put("activity", "{ activity(scope: {unitIds: [\"unit:impact\"]}) { messages cells { messages } } }");
		documents.put("termLists", "{ termLists { name version terms { text } } }");
		documents.put("termHits", "{ termHits(list: \"reference-case\") { messages terms { term messages } "
				+ "matches { message { id body } spans { start end text } } } }");
		documents.put("runSavedSearch",
				"{ runSavedSearch(id: \"search:none\") { __typename ... on NotFound { ids } } }");
		documents.put("notes", "{ notes(entityId: \"officer:a\", includeDeleted: true) { id text history { text } } }");
		documents.put("allegations",
				"{ allegations(first: 20) { nodes { id category subject { accounts { handle } } } } }");
		documents.put("investigations", "{ investigations(first: 20) { nodes { id reference title } } }");
		documents.put("operations", "{ operations { nodes { id name } } }");
		documents.put("recommendations", "{ recommendations(first: 20) { nodes { id } } }");
		documents.put("outcomes", "{ outcomes(first: 20) { nodes { id kind } } }");
		documents.put("chatGroups",
				"{ chatGroups(first: 20) { nodes { id name members { person { accounts { handle } } } } } }");
		documents.put("messages",
				"{ messages(first: 200) { nodes { id body sender { accounts { handle } } recipients { name } } } }");
		documents.put("contactNetwork",
				"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, includeOutside: true) " + graph + " }");
		documents.put("neighbourhood", NEIGHBOURHOOD);
		documents.put("paths", "{ paths(from: \"officer:a\", to: \"officer:colleague-03\") { graph " + graph + " } }");
		documents.put("allegationSpread", "{ allegationSpread { graph " + graph + " } }");
		documents.put("linkedInvestigations", "{ linkedInvestigations(id: \"investigation:hotton-1\") " + graph + " }");
		documents.put("timeline", "{ timeline(id: \"officer:a\") { events { date kind relatedId } } }");
		documents.put("people", "{ people(first: 200) { nodes { id name accounts { id handle kind } } } }");
		documents.put("officers", "{ officers(first: 200) { nodes { id name accounts { handle } } } }");
		documents.put("units", "{ units { nodes { id name } } }");
		documents.put("stations", "{ stations { nodes { id name } } }");
		documents.put("reports", "{ reports { name } }");
		documents.put("runReport", "{ runReport(name: \"top-contacts\", params: {person: \"officer:a\"}) { rows } }");
		documents.put("claims", "{ claims(topic: \"officers-investigated\") { value } }");
		documents.put("sources", "{ sources { nodes { id } } }");
		return documents;
	}

	private static String graphBody(String query) {
		return Http.JSON.writeValueAsString(Map.of("query", query));
	}

	private static void assertForbidden(HttpResponse<String> response, String named) {
		JsonNode errors = Http.json(response).path("errors");
		assertThat(errors).as(response.body()).isNotEmpty();
		assertThat(errors.get(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(errors.get(0).path("message").asString()).contains(named);
	}

	/** Message texts long enough that finding one in a response cannot be chance. */
	private List<String> bodies() {
		return driver.executableQuery("MATCH (m:Message) WHERE size(m.body) >= 12 RETURN DISTINCT m.body AS v")
			.execute()
			.records()
			.stream()
			.map(record -> record.get("v").asString())
			.toList();
	}

	@Test
	void aViewerGetsTheBrowserPagesAndASessionThatNamesThem() {
		for (String page : List.of("/explore", "/graphiql", "/explore/js/main.js", "/graphiql/graphiql.js",
				"/webjars/cytoscape/dist/cytoscape.min.js", "/webjars/graphiql/graphiql.min.js")) {
			assertThat(as("viewer").get(page).statusCode()).as(page).isEqualTo(200);
		}
		JsonNode session = Http.json(as("viewer").get("/session"));
		assertThat(session.path("name").asString()).isEqualTo("viewer");
		assertThat(session.path("roles").toString()).isEqualTo("[\"viewer\"]");
		assertThat(session.path("method").asString()).isEqualTo("basic");
		assertThat(session.path("csrf").isNull()).as("Basic sends its own credentials: no token").isTrue();
	}

	@Test
	void aViewerSignsInThroughTheLoginFormAndTheExplorerWorksWithTheSessionsCsrfToken() {
		assumeTrue(Browser.missing() == null, () -> "Browser test skipped: " + Browser.missing());
		try (Browser browser = new Browser(port)) {
			browser.visit("/explore?unit=unit:impact&from=2016-01-01&to=2016-12-31");
			assertThat(browser.currentUrl()).endsWith("/login");
			browser.find("#username").sendKeys("viewer");
			browser.find("#password").sendKeys(PASSWORD);
			browser.click("button[type=submit]");
			browser.settled();

			assertThat(browser.currentUrl()).endsWith("/explore?unit=unit:impact&from=2016-01-01&to=2016-12-31");
			assertThat(browser.text("#who")).isEqualTo("viewer (viewer)");
			JsonNode answer = Http.json(as("viewer").graphQl(
					"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, from: \"2016-01-01T00:00:00Z\", to: \"2016-12-31T23:59:59.999Z\") { nodes { id } edges { id } } }"))
				.path("data")
				.path("contactNetwork");
			assertThat(browser.number("return explorer.cy.nodes().length")).isEqualTo(answer.path("nodes").size())
				.isPositive();
			assertThat(browser.number("return explorer.cy.edges().length")).isEqualTo(answer.path("edges").size());

			browser.script("explorer.cy.getElementById('officer:a').select()");
			browser.click("[data-action=expand]");
			browser.settled();
			assertThat(browser.script("return explorer.expanded")).isEqualTo(List.of("officer:a"));
			assertThat(browser.text("#status")).startsWith("Expanded officer:a");
			browser.screenshot("users-mode-viewer");
			assertThat(browser.failedRequests()).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	private List<String> handles() {
		return driver.executableQuery("MATCH (a:Account) RETURN DISTINCT a.handle AS v")
			.execute()
			.records()
			.stream()
			.map(record -> record.get("v").asString())
			.toList();
	}

	private static String[] anyOf(List<String> values) {
		assertThat(values).isNotEmpty();
		return values.toArray(String[]::new);
	}

	private static JsonNode entry(HttpResponse<String> response) throws IOException {
		return Http.auditEntry(AUDIT_DIR, response);
	}

}
