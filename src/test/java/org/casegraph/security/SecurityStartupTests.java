package org.casegraph.security;

import java.nio.file.Path;

import org.casegraph.neo4j.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.neo4j.StartupFailureTests.startFailure;

/** Settings that would leave case data open stop startup, naming them. */
class SecurityStartupTests {

	@TempDir
	Path temp;

	@Test
	void localModeOnAnotherInterfaceNamesBothSettings() {
		InvalidSettingException failure = startFailure("--server.address=0.0.0.0", "--casegraph.neo4j.bolt-port=0",
				"--casegraph.neo4j.data-dir=" + temp.resolve("data"));
		assertThat(failure.setting()).isEqualTo("server.address");
		assertThat(failure.getMessage()).contains("server.address").contains("casegraph.security.mode");
	}

	@Test
	void aPlainPasswordNamesTheUser() {
		InvalidSettingException failure = startFailure("--casegraph.security.mode=users",
				"--casegraph.security.users[0].name=alice", "--casegraph.security.users[0].password=secret",
				"--casegraph.security.users[0].roles=viewer", "--casegraph.neo4j.bolt-port=0",
				"--casegraph.neo4j.data-dir=" + temp.resolve("data"));
		assertThat(failure.setting()).isEqualTo("casegraph.security.users[0].password");
		assertThat(failure.getMessage()).contains("'alice'").contains("plain password").doesNotContain("secret");
	}

	@Test
	void anOpenBoltPortWithTheShippedPasswordStopsStartup() {
		InvalidSettingException failure = startFailure("--casegraph.security.mode=users",
				"--casegraph.security.users[0].name=alice",
				"--casegraph.security.users[0].password={bcrypt}$2a$04$abcdefghijklmnopqrstuuJ2e1cQqzEo6Vt3Z0yq8Zl3q0nq5bS2m",
				"--casegraph.security.users[0].roles=viewer", "--casegraph.neo4j.bolt-enabled=true",
				"--casegraph.neo4j.bolt-port=0", "--casegraph.neo4j.data-dir=" + temp.resolve("data"));
		assertThat(failure.setting()).isEqualTo("spring.neo4j.authentication.password");
	}

	@Test
	void jwtModeWithoutAnIssuerNamesWhatIsMissing() {
		InvalidSettingException failure = startFailure("--casegraph.security.mode=jwt", "--casegraph.neo4j.bolt-port=0",
				"--casegraph.neo4j.data-dir=" + temp.resolve("data"));
		assertThat(failure.getMessage()).contains("casegraph.security.mode");
		assertThat(failure.action()).contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
	}

}
