package org.casegraph.security;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.Http;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default, {@code local} mode, as the README's run command starts it: loopback only,
 * a request from there runs as {@code local} (an admin), and only a JSON POST runs a
 * GraphQL request. No answer carries a stack trace or a library's message.
 */
class LocalModeIntegrationTests extends EmbeddedGraphTests {

	@LocalServerPort
	int port;

	@Value("${casegraph.audit.directory}")
	Path auditDirectory;

	@Autowired
	Environment environment;

	Http http() {
		return new Http(port);
	}

	@Test
	void theShippedSettingsLeaveEveryRequestsFiltersUnobserved(@Autowired FilterChainProxy filters,
			@Autowired SecurityObservationSettings observations) {
		assertThat(observations.shouldObserveRequests()).isFalse();
		assertThat(filters.getFilterChains()).isNotEmpty();
		assertThat(ReflectionTestUtils.getField(filters, "filterChainDecorator"))
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
	}

	@Test
	void theServerListensOnLoopbackOnly() throws IOException {
		assertThat(InetAddress.getByName(environment.getProperty("server.address")).isLoopbackAddress()).isTrue();
		Optional<InetAddress> elsewhere = nonLoopbackAddress();
		if (elsewhere.isPresent()) {
			try (Socket socket = new Socket()) {
				assertThatThrownBy(() -> socket.connect(new InetSocketAddress(elsewhere.get(), port), 2_000))
					.isInstanceOf(IOException.class);
			}
		}
		assertThat(http().graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(200);
	}

	@Test
	void aLoopbackRequestRunsAsLocalAndIsAudited() throws IOException {
		HttpResponse<String> response = http().graphQl("query localUnits { units { nodes { id } } }");
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		String line;
		try (var files = Files.list(auditDirectory)) {
			line = files.flatMap(file -> {
				try {
					return Files.readAllLines(file).stream();
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).filter(each -> each.contains(id)).findFirst().orElseThrow();
		}
		var entry = Http.JSON.readTree(line);
		assertThat(entry.path("actor").path("name").asString()).isEqualTo("local");
		assertThat(entry.path("actor").path("authenticatedBy").asString()).isEqualTo("local");
		assertThat(entry.path("operation").asString()).isEqualTo("localUnits");
	}

	@Test
	void onlyAJsonPostRunsAQuery() {
		HttpResponse<String> get = http().get("/graphql?query=%7B%20units%20%7B%20nodes%20%7B%20id%20%7D%20%7D%20%7D");
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(http().post("/graphql", "text/plain", "{\"query\": \"{ units { nodes { id } } }\"}").statusCode())
			.isEqualTo(415);
		assertThat(http().post("/graphql", "application/x-www-form-urlencoded", "query=%7B%7D").statusCode())
			.isEqualTo(415);
		assertThat(http().post("/graphql", "multipart/form-data; boundary=x", "--x--").statusCode()).isEqualTo(415);
		for (String body : List.of("null", "[]", "[{\"query\": \"{ units { nodes { id } } }\"}]", "not json", "",
				"{\"query\": 42}", "{\"query\": \"{ units { nodes { id } } }\", \"variables\": [1]}")) {
			HttpResponse<String> refused = http().post("/graphql", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.body()).as(body).contains("\"detail\"").doesNotContain("Exception");
		}
		assertThat(http().post("/graph/gexf", "null").statusCode()).isEqualTo(400);
		HttpResponse<String> document = http().post("/graphql", "application/graphql", "{ units { nodes { id } } }");
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("unit:impact");
	}

	@Test
	void anEncodedPathDoesNotSlipPastTheChecks() {
		String query = "?query=%7B%20units%20%7B%20nodes%20%7B%20id%20%7D%20%7D%20%7D";
		for (String path : List.of("/graph%71l", "/%67raphql", "/graphql;x=1")) {
			HttpResponse<String> answer = http().get(path + query);
			assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
			assertThat(answer.body()).as(path).doesNotContain("unit:impact");
		}
	}

	@Test
	void noAnswerCarriesAStackTraceOrALibrarysMessage() {
		List<HttpResponse<String>> answers = List.of(http().graphQl("{ search(text: \"(\") { score } }"),
				http().graphQl("{ search(text: \"AND OR ((\") { score } }"), http().graphQl("{ nothing }"),
				http().graphQl("{ node(id: \"no-such-id\") { id } }"),
				http().post("/graphql", "{\"query\": \"{ units(first: -5) { nodes { id } } }\"}"),
				http().get("/reports/nothing.csv"), http().get("/no/such/page"), http().post("/graphql", "null"),
				http().graphQl(
						"{ contactNetwork(scope: {all: true}, from: \"-999999999-01-01T00:00:00Z\") { nodes { id } } }"));
		for (HttpResponse<String> answer : answers) {
			assertThat(answer.body()).as(answer.uri().toString())
				.doesNotContain("INTERNAL_ERROR")
				.doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("org.apache")
				.doesNotContain("org.neo4j")
				.doesNotContain("java.");
		}
	}

	@Test
	void aCrossOriginRequestFromAnOriginNotListedIsRefused() {
		HttpResponse<String> crossSite = http().with("Origin", "http://evil.example")
			.graphQl("{ units { nodes { id } } }");
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).doesNotContain("unit:impact");
	}

	@Test
	void healthShowsDetailsToTheLocalAdmin() {
		assertThat(http().get("/actuator/health").body()).contains("\"neo4j\"");
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
		return NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

}
