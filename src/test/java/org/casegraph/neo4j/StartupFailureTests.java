package org.casegraph.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.casegraph.CasegraphApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad configuration stops startup with one message that names the setting.
 */
public class StartupFailureTests {

	@TempDir
	Path temp;

	@Test
	void aBoltPortInUseNamesTheSetting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			InvalidSettingException failure = startFailure("--casegraph.neo4j.bolt-port=" + taken.getLocalPort(),
					"--casegraph.neo4j.data-dir=" + temp.resolve("data"));
			assertThat(failure.setting()).isEqualTo("casegraph.neo4j.bolt-port");
			assertThat(failure.getMessage()).contains(String.valueOf(taken.getLocalPort())).contains("in use");
		}
	}

	@Test
	void aDataDirectoryThatCannotBeCreatedNamesTheSetting() throws IOException {
		Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
		InvalidSettingException failure = startFailure("--casegraph.neo4j.bolt-port=0",
				"--casegraph.neo4j.data-dir=" + file.resolve("data"));
		assertThat(failure.setting()).isEqualTo("casegraph.neo4j.data-dir");
		assertThat(failure.getMessage()).contains("cannot be created");
	}

	@Test
	void anUnreachableExternalDatabaseNamesTheSetting() {
		InvalidSettingException failure = startFailure("--casegraph.neo4j.mode=external",
				"--spring.neo4j.uri=bolt://127.0.0.1:1", "--spring.neo4j.connection-timeout=2s");
		assertThat(failure.setting()).isEqualTo("spring.neo4j.uri");
		assertThat(failure.getMessage()).contains("bolt://127.0.0.1:1").contains("cannot be reached");
	}

	@Test
	void theFailureAnalysisIsOneParagraphWithAnAction() {
		var failure = new InvalidSettingException("casegraph.neo4j.bolt-port", 7687, "port is in use on 127.0.0.1",
				"Set casegraph.neo4j.bolt-port to a free port.", null);
		FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getDescription())
			.isEqualTo("Setting 'casegraph.neo4j.bolt-port' (7687): port is in use on 127.0.0.1");
		assertThat(analysis.getAction()).contains("casegraph.neo4j.bolt-port");
	}

	public static InvalidSettingException startFailure(String... args) {
		return startFailure(new SpringApplicationBuilder(CasegraphApplication.class).properties("server.port=0",
				"casegraph.seed.reference-case=false"), args);
	}

	/**
	 * The setting named by the failure of {@code application} started with {@code args}.
	 */
	static InvalidSettingException startFailure(SpringApplicationBuilder application, String... args) {
		Throwable thrown = catchThrowable(() -> application.run(args).close());
		assertThat(thrown).isNotNull();
		Throwable cause = thrown;
		while (cause != null && !(cause instanceof InvalidSettingException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of %s", thrown).isInstanceOf(InvalidSettingException.class);
		return (InvalidSettingException) cause;
	}

}
