package org.casegraph;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL example of the README that reads the reference case, run against a
 * freshly seeded one (a database of its own, so that no other test's writes show), and
 * answered exactly as the README shows it. The examples that change the case (case work,
 * merges, grades) and those that follow them are a scenario of their own with generated
 * ids; they are not here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB" })
class ReadmeExamplesIntegrationTests {

	private static final Path DATA_DIR = TemporaryDataDir.create("casegraph-readme-test-");

	private static final Path AUDIT_DIR = TemporaryDataDir.create("casegraph-readme-test-audit-");

	/** A GraphQL block followed at once by the JSON block of its answer. */
	private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n(.*?)```\\s*```json\\n(.*?)```",
			Pattern.DOTALL);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("casegraph.neo4j.data-dir", DATA_DIR::toString);
		registry.add("casegraph.audit.directory", AUDIT_DIR::toString);
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
	void answersAsTheReadmeShows(String[] example) {
		HttpResponse<String> answer = new Http(port).graphQl(example[0]);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(Http.JSON.readTree(answer.body())).isEqualTo(Http.JSON.readTree(example[1]));
	}

}
