package org.casegraph.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casegraph.Http;
import org.casegraph.TemporaryDataDir;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jwt} mode: tokens signed by a key the server trusts authenticate, with roles
 * from a claim through a mapping; an expired token or another key's signature gets 401, a
 * token with no mapped role 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "casegraph.neo4j.bolt-port=0", "casegraph.neo4j.page-cache=128MB", "casegraph.security.mode=jwt",
				"casegraph.security.jwt.roles-claim=groups", "casegraph.security.jwt.role-mapping[case-readers]=viewer",
				"casegraph.security.jwt.role-mapping[case-analysts]=analyst",
				"casegraph.security.jwt.role-mapping[case-investigators]=investigator" })
class JwtModeIntegrationTests {

	private static final KeyPair TRUSTED = keys();

	private static final KeyPair STRANGER = keys();

	private static final Path DIR = TemporaryDataDir.create("casegraph-jwt-");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		Path key = DIR.resolve("trusted.pem");
		Files.writeString(key,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
		registry.add("casegraph.neo4j.data-dir", () -> DIR.resolve("data").toString());
		registry.add("casegraph.audit.directory", () -> DIR.resolve("audit").toString());
	}

	@Test
	void aTokenAuthenticatesWithTheRolesOfItsClaim() {
		Http analyst = bearer(token(TRUSTED, "ana", List.of("case-analysts", "unrelated"), 300));
		HttpResponse<String> report = analyst
			.graphQl("{ runReport(name: \"top-contacts\", params: {person: \"officer:a\", limit: 2}) { rows } }");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("officer:b").doesNotContain("errors");
		assertThat(analyst.graphQl("{ messages(first: 3) { nodes { body } } }").body())
			.contains(SensitiveFields.PLACEHOLDER);

		Http reader = bearer(token(TRUSTED, "rea", List.of("case-readers"), 300));
		assertThat(reader.graphQl("{ reports { name } }").body()).contains("FORBIDDEN");

		Http investigator = bearer(token(TRUSTED, "inv", List.of("case-investigators"), 300));
		assertThat(investigator.graphQl("{ messages(first: 3) { nodes { body } } }").body())
			.doesNotContain(SensitiveFields.PLACEHOLDER);
	}

	@Test
	void anExpiredTokenOrAnotherKeysSignatureGets401() {
		assertThat(bearer(token(TRUSTED, "ana", List.of("case-analysts"), -600)).graphQl("{ units { nodes { id } } }")
			.statusCode()).isEqualTo(401);
		assertThat(bearer(token(STRANGER, "ana", List.of("case-analysts"), 300)).graphQl("{ units { nodes { id } } }")
			.statusCode()).isEqualTo(401);
		assertThat(new Http(port).graphQl("{ units { nodes { id } } }").statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenWithNoMappedRoleGets403() {
		assertThat(bearer(token(TRUSTED, "someone", List.of("staff"), 300)).graphQl("{ units { nodes { id } } }")
			.statusCode()).isEqualTo(403);
	}

	private Http bearer(String token) {
		return new Http(port).with("Authorization", "Bearer " + token);
	}

	private static String token(KeyPair keys, String user, List<String> groups, long secondsValid) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user)
			.claim("groups", groups)
			.issueTime(Date.from(now.minusSeconds(Math.max(0, -secondsValid) + 60)))
			.expirationTime(Date.from(now.plusSeconds(secondsValid)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
