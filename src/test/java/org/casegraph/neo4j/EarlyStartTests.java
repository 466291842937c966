package org.casegraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.CasegraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The server's restart starts the embedded database while Spring prepares the application
 * ({@link EarlyStart}, as {@code CommandLineInterface} adds it): the database's bean
 * takes it, a start that fails stops it, and a bad setting fails as it would without it.
 */
class EarlyStartTests {

	@TempDir
	Path temp;

	@Test
	void aRestartTakesTheDatabaseStartedEarlyAndANewDirectoryStartsInTheBean() {
		Path data = temp.resolve("data");
		try (ConfigurableApplicationContext first = server().run(args(data))) {
			assertThat(first.containsBean(EarlyStart.BEAN)).as("a new data directory").isFalse();
		}
		try (ConfigurableApplicationContext again = server().run(args(data))) {
			EarlyStart.Started started = again.getBean(EarlyStart.BEAN, EarlyStart.Started.class);
			assertThat(started.taken()).isTrue();
			assertThat(again.getBean(DatabaseManagementService.class)).isSameAs(started.database().join());
			assertThat(again.getBean(ReadOnlyCypher.class)
				.list("MATCH (s:__CasegraphSchema) RETURN count(s) AS n", Map.of(), row -> row.get("n").asLong()))
				.containsExactly(1L);
		}
	}

	@Test
	void aStartThatFailsAfterTheDatabaseStartedEarlyStopsIt() {
		Path data = temp.resolve("data");
		server().run(args(data)).close();
		Throwable failed = catchThrowable(() -> server().run(args(data, "--server.address=0.0.0.0")).close());
		assertThat(failed).isNotNull();
		try (ConfigurableApplicationContext again = server().run(args(data))) {
			assertThat(again.getBean(EarlyStart.BEAN, EarlyStart.Started.class).taken()).isTrue();
		}
	}

	@Test
	void aBoltPortInUseOnARestartNamesTheSetting() throws IOException {
		Path data = temp.resolve("data");
		server().run(args(data)).close();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			InvalidSettingException failure = StartupFailureTests.startFailure(server(),
					"--casegraph.neo4j.bolt-port=" + taken.getLocalPort(), "--casegraph.neo4j.data-dir=" + data);
			assertThat(failure.setting()).isEqualTo("casegraph.neo4j.bolt-port");
			assertThat(failure.getMessage()).contains(String.valueOf(taken.getLocalPort())).contains("in use");
		}
	}

	private static SpringApplicationBuilder server() {
		return new SpringApplicationBuilder(CasegraphApplication.class).listeners(new EarlyStart())
			.properties("server.port=0", "casegraph.seed.reference-case=false", "casegraph.neo4j.page-cache=64MB");
	}

	private static String[] args(Path data, String... more) {
		List<String> args = new ArrayList<>(
				List.of("--casegraph.neo4j.bolt-port=0", "--casegraph.neo4j.data-dir=" + data));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
