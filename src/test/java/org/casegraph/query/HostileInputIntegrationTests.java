package org.casegraph.query;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed and hostile requests, generated from a fixed seed: truncated and
 * mutated documents, wrong types, extreme numbers and dates, junk and injection strings
 * in every argument, huge lists, deep nesting, bad cursors, bad bodies and content types,
 * and downloads with unknown formats, bad parameters and path tricks. Every answer is a
 * clean 4xx or a classified GraphQL error that names no internals; afterwards the server
 * is healthy and the store unchanged.
 */
class HostileInputIntegrationTests extends EmbeddedGraphTests {

	/** What a hostile request may be answered with, besides data. */
	private static final Set<String> CLASSIFICATIONS = Set.of("BAD_REQUEST", "LIMIT_EXCEEDED", "FORBIDDEN", "NOT_FOUND",
			"ValidationError", "InvalidSyntax", "OperationNotSupported");

	/**
	 * What no answer may show: a stack, a class, a library's or the database's own words.
	 */
	private static final List<String> INTERNALS = List.of("Exception", "\tat ", "org.neo4j", "org.apache",
			"org.springframework", "java.", "graphql.", "Neo.ClientError", "Neo.DatabaseError", "lucene", "Lucene",
			"INTERNAL_ERROR", "Cypher", "tools.jackson", "NullPointer");

	/**
	 * Valid documents that the generator truncates and mutates, and whose arguments it
	 * replaces.
	 */
	private static final List<String> DOCUMENTS = List.of("{ units(first: 5) { nodes { id name } } }",
			"{ officers(first: 3, after: null) { nodes { id name memberships { from unit { id } } } pageInfo { endCursor } } }",
			"{ node(id: \"officer:a\") { id ... on Person { name } } }",
			"{ search(text: \"van keys\", first: 5) { score node { id } } }",
			"{ contactNetwork(scope: {unitIds: [\"unit:impact\"]}, from: \"2016-01-01T00:00:00Z\", to: \"2016-12-31T23:59:59Z\", minMessages: 2) { nodes { id } edges { id weight } } }",
			"{ neighbourhood(ids: [\"officer:a\"], depth: 2, limit: 50, perNodeLimit: 5) { nodes { id } truncated { reasons } } }",
			"{ paths(from: \"officer:a\", to: \"officer:colleague-03\", mode: K_SHORTEST, k: 3, maxLength: 4) { paths { nodeIds } } }",
			"{ allegationSpread(category: DISCRIMINATORY_LANGUAGE, from: \"2015-01-01\", to: \"2017-12-31\", bucket: QUARTER) { buckets { teamId } } }",
			"{ linkedInvestigations(id: \"investigation:hotton-1\") { nodes { id } } }",
			"{ timeline(id: \"officer:a\", from: \"2016-01-01\", to: \"2016-12-31\", bucket: MONTH) { periods { bucket sent } } }",
			"{ activity(scope: {unitIds: [\"unit:impact\"]}, zone: \"Europe/London\") { messages flagged } }",
			"{ conversation(between: [\"officer:a\", \"officer:c\"], first: 3) { nodes { id } pageInfo { endCursor } } }",
			"{ exposure(message: \"message:ref-01701\", days: 1) { exposed { id } } }",
			"{ runReport(name: \"top-contacts\", params: {person: \"officer:a\"}) { columns rows } }");

	/** What goes where an argument's value was. */
	private static final List<String> VALUES = List.of("\"x\"", "\"\"", "null", "true", "-1", "0", "2147483647",
			"2147483648", "-2147483649", "99999999999999999999999", "1e308", "-1e308", "0.5", "[]", "{}", "[[[[]]]]",
			"\"' OR 1=1 --\"", "\"}) MATCH (n) DETACH DELETE n //\"", "\"${jndi:ldap://x/a}\"",
			"\"<script>alert(1)</script>\"", "\"../../../../etc/passwd\"", "\"\\u0000\"", "\"\\u202e\\u200e\"",
			"\"0000-00-00\"", "\"9999-12-31T23:59:59Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01\"",
			"\"2016-02-30\"", "\"2016-13-01T00:00:00Z\"", "\"P1000000Y\"", "\"Europe/Nowhere\"", "\"UTC+99\"", "ALL",
			"DISCRIMINATORY_LANGUAGE", "\"(\"", "\"*:*\"", "\"a AND (b OR\"", "\"\\\\\"",
			"\"" + "x".repeat(100_000) + "\"",
			"[" + IntStream.range(0, 20_000).mapToObj(i -> "\"officer:" + i + "\"").collect(Collectors.joining(","))
					+ "]",
			"{unitIds: [\"unit:impact\"], all: true}", "{all: false}", "{personIds: []}");

	/** Characters a mutation puts into a document. */
	private static final String JUNK = "{}()[]\":,$!@#\\ 0a";

	/** Cursors a client might forge. */
	private static final List<String> CURSORS = List.of("\"garbage\"", "\"\"", "\"dB8yMDE1\"", "\"////\"",
			"\"" + "QUFB".repeat(5_000) + "\"", "\"bnVsbA\"", "\"eyJpZCI6IjEifQ\"", "\"%00\"", "\"\\u0000\"");

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	void noHostileRequestReachesTheInternalsOrChangesTheStore() {
		Map<String, Object> before = store();
		Http http = new Http(port);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (String document : hostileDocuments()) {
			check(failures, document, http.graphQl(document));
			sent++;
		}
		for (Map.Entry<String, String> body : hostileBodies().entrySet()) {
			String[] typeAndBody = body.getValue().split("\n", 2);
			check(failures, body.getKey(), http.post("/graphql", typeAndBody[0], typeAndBody[1]));
			sent++;
		}
		for (String path : hostileDownloads()) {
			check(failures, path,
					path.startsWith("POST ")
							? http.post(path.substring(5).split(" ", 2)[0], path.substring(5).split(" ", 2)[1])
							: http.get(path));
			sent++;
		}

		assertThat(sent).isGreaterThanOrEqualTo(500);
		assertThat(failures).isEmpty();
		assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
		assertThat(http.graphQl("{ node(id: \"officer:a\") { id } }").body())
			.isEqualTo("{\"data\":{\"node\":{\"id\":\"officer:a\"}}}");
		assertThat(store()).isEqualTo(before);
	}

	private static List<String> hostileDocuments() {
		Random random = new Random(20161);
		List<String> documents = new ArrayList<>();
		for (String document : DOCUMENTS) {
			// Truncated at a dozen places.
			for (int i = 1; i <= 12; i++) {
				documents.add(document.substring(0, document.length() * i / 13));
			}
			// Mutated: a character replaced, dropped or doubled.
			for (int i = 0; i < 8; i++) {
				StringBuilder mutated = new StringBuilder(document);
				int at = random.nextInt(mutated.length());
				switch (i % 3) {
					case 0 -> mutated.setCharAt(at, JUNK.charAt(random.nextInt(JUNK.length())));
					case 1 -> mutated.deleteCharAt(at);
					default -> mutated.insert(at, mutated.charAt(at));
				}
				documents.add(mutated.toString());
			}
			// Each argument's value replaced by junk of every kind.
			List<int[]> values = argumentValues(document);
			for (int[] span : values) {
				for (int i = 0; i < 4; i++) {
					String value = VALUES.get(random.nextInt(VALUES.size()));
					documents.add(document.substring(0, span[0]) + value + document.substring(span[1]));
				}
			}
		}
		for (String cursor : CURSORS) {
			documents.add("{ officers(first: 2, after: " + cursor + ") { nodes { id } } }");
			documents.add("{ conversation(between: [\"officer:a\", \"officer:c\"], first: 2, after: " + cursor
					+ ") { nodes { id } } }");
		}
		documents.add("{ units { nodes { " + "stations { ".repeat(200) + "id" + " }".repeat(200) + " } } }");
		documents.add("{" + " a: __typename".repeat(5_000) + " }");
		documents.add(
				"query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }");
		documents.add("{ search(text: \"" + "(".repeat(10_000) + "\", advanced: true) { score } }");
		documents.add("mutation { __typename }");
		documents.add("subscription { x }");
		documents
			.add("{ node(id: \"officer:a\") { ...F } } fragment F on Person { ...G } fragment G on Person { ...F }");
		return documents;
	}

	/**
	 * Where each argument's value lies in a document: after "name: ", up to the next , or
	 * ).
	 */
	private static List<int[]> argumentValues(String document) {
		List<int[]> spans = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("\\w+: (\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}|[\\w.-]+)(?=[,)])")
			.matcher(document);
		while (matcher.find()) {
			spans.add(new int[] { matcher.start(1), matcher.end(1) });
		}
		return spans;
	}

	/** Bodies other than a JSON object with a query, by name: content type, then body. */
	private static Map<String, String> hostileBodies() {
		Map<String, String> bodies = new LinkedHashMap<>();
		String json = "application/json";
		List<String> jsonBodies = List.of("null", "[]", "\"x\"", "5", "true", "{}", "{\"query\": null}",
				"{\"query\": 5}", "{\"query\": [\"{ units { nodes { id } } }\"]}", "{\"query\": \"\"}",
				"{\"query\": \"{ units { nodes { id } } }\", \"variables\": \"x\"}",
				"{\"query\": \"{ units { nodes { id } } }\", \"variables\": [1]}",
				"{\"query\": \"{ units { nodes { id } } }\", \"operationName\": 5}",
				"{\"query\": \"{ units { nodes { id } } }\", \"operationName\": \"nope\"}",
				"{\"query\": \"{ units { nodes { id } } }\", \"extensions\": \"x\"}",
				"{\"query\": \"query($n: Int) { units(first: $n) { nodes { id } } }\", \"variables\": {\"n\": \"x\"}}",
				"{\"query\": \"query($n: Int) { units(first: $n) { nodes { id } } }\", \"variables\": {\"n\": 1e400}}",
				"{\"query\": \"query($s: ScopeInput!) { activity(scope: $s) { messages } }\", \"variables\": {\"s\": {\"unitIds\": null}}}",
				"{\"query\": \"query($d: Date) { timeline(id: \\\"officer:a\\\", from: $d) { periods { bucket } } }\", \"variables\": {\"d\": [\"2016-01-01\"]}}",
				"{\"query\": \"{ units { nodes { id } } }\"", "{\"query\": \"{ units { nodes { id } } }\"}}",
				"{'query': '{ units { nodes { id } } }'}", "{\"query\": \"{ units { nodes { id } } }\" /* c */}",
				"\uFEFF{\"query\": \"{ units { nodes { id } } }\"}", "{\"query\": \"\\ud800\"}",
				"[" + "[".repeat(5_000) + "]".repeat(5_000) + "]",
				"{\"query\": \"{ units { nodes { id } } }\", \"variables\": " + "{\"a\":".repeat(2_000) + "1"
						+ "}".repeat(2_000) + "}",
				"{\"query\": \"" + "x".repeat(2_000_000) + "\"}");
		for (int i = 0; i < jsonBodies.size(); i++) {
			bodies.put("json body " + i, json + "\n" + jsonBodies.get(i));
		}
		String query = "{\"query\": \"{ units { nodes { id } } }\"}";
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json; charset=latin-9", "application/octet-stream",
				"image/png", "*/*", "application/graphql-response+json", "text/html")) {
			bodies.put("content type " + type, type + "\n" + query);
		}
		bodies.put("application/graphql junk", "application/graphql\n{ units { nodes { id }");
		return bodies;
	}

	private static List<String> hostileDownloads() {
		List<String> paths = new ArrayList<>();
		String network = "{\"query\": \"{ contactNetwork(scope: {unitIds: [\\\"unit:impact\\\"]}) { nodes { id kind label properties } edges { id kind source target weight properties } } }\"}";
		for (String format : List.of("gexf", "graphml", "cytoscape", "graphology", "csv", "exe", "..", "%2e%2e",
				"gexf.exe", "GEXF", "", "gexf%00", "..%2f..%2fetc%2fpasswd")) {
			paths.add("POST /graph/" + format + " " + network);
		}
		for (String body : List.of("null", "{}", "{\"query\": \"{ units { nodes { id } } }\"}", "{\"query\": \"{\"}",
				"{\"query\": \"{ paths(from: \\\"officer:a\\\", to: \\\"officer:b\\\") { paths { length } } }\"}")) {
			paths.add("POST /graph/gexf " + body);
			paths.add("POST /graph/graphml " + body);
		}
		for (String name : List.of("nothing", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "top-contacts%00", "TOP-CONTACTS",
				"top-contacts.csv", "a".repeat(5_000))) {
			paths.add("/reports/" + name + ".csv");
		}
		for (String value : List.of("", "x", "officer:nobody", "' OR 1=1", "%00", "2016-13-45", "-1", "99999999999",
				"a".repeat(10_000))) {
			String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
			paths.add("/reports/top-contacts.csv?person=" + encoded);
			paths.add("/reports/top-contacts.csv?person=officer:a&limit=" + encoded);
			paths.add("/reports/top-contacts.csv?nope=" + encoded);
			paths.add("/reports/activity-matrix.csv?from=" + encoded + "&to=" + encoded);
		}
		paths.addAll(List.of("/reports/top-contacts.csv?person=officer:a&person=officer:b", "/../../etc/passwd",
				"/graphql/../../etc/passwd", "/explore/../../../etc/passwd", "/explore/%2e%2e/%2e%2e/etc/passwd",
				"/audit?from=yesterday", "/audit?from=2016-01-01&to=2015-01-01", "/audit/verify?x=1", "/session?x=%00",
				"/graph/gexf", "/webjars/../application.yml", "/WEB-INF/web.xml", "/actuator/env", "/actuator/heapdump",
				"/actuator/beans", "/graphiql?path=javascript:alert(1)"));
		return paths;
	}

	private static void check(List<String> failures, String request, HttpResponse<String> answer) {
		String what = request.length() > 120 ? request.substring(0, 120) + "..." : request;
		if (answer.statusCode() >= 500) {
			failures.add(answer.statusCode() + " for " + what + ": " + answer.body());
			return;
		}
		for (String internal : INTERNALS) {
			if (answer.body().contains(internal)) {
				failures.add("'" + internal + "' in the answer to " + what + ": " + shorter(answer.body()));
				return;
			}
		}
		if (answer.statusCode() != 200 || !answer.headers().firstValue("Content-Type").orElse("").contains("json")) {
			return;
		}
		JsonNode errors = Http.JSON.readTree(answer.body()).path("errors");
		for (JsonNode error : errors) {
			String classification = error.path("extensions").path("classification").asString("");
			if (!CLASSIFICATIONS.contains(classification)) {
				failures.add("classification '" + classification + "' for " + what + ": " + shorter(answer.body()));
				return;
			}
		}
	}

	private static String shorter(String body) {
		return body.length() > 400 ? body.substring(0, 400) + "..." : body;
	}

	/** What the store holds: nodes and relationships by kind, and their properties. */
	private Map<String, Object> store() {
		try (var session = driver.session()) {
			Map<String, Object> contents = new LinkedHashMap<>();
			session
				.run("MATCH (n) RETURN labels(n) AS kind, count(*) AS n, sum(size(keys(n))) AS properties "
						+ "ORDER BY kind")
				.forEachRemaining(row -> contents.put("nodes " + row.get("kind"),
						row.get("n").asLong() + "/" + row.get("properties").asLong()));
			session
				.run("MATCH ()-[r]->() RETURN type(r) AS kind, count(*) AS n, sum(size(keys(r))) AS properties "
						+ "ORDER BY kind")
				.forEachRemaining(row -> contents.put("relationships " + row.get("kind"),
						row.get("n").asLong() + "/" + row.get("properties").asLong()));
			return contents;
		}
	}

}
