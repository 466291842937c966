package org.casegraph.neo4j;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured user and password are the ones Bolt accepts after every start: set on a
 * new store (Neo4j's initial password refused), changed when the configuration changes,
 * kept (checked without Cypher) when it does not, and created for another user.
 */
class EmbeddedUserTests {

	@TempDir
	Path temp;

	@Test
	void eachStartLeavesBoltAcceptingTheConfiguredUserAndPasswordOnly() throws IOException {
		DatabaseSettings settings = EmbeddedStores.in(temp);

		DatabaseManagementService first = EmbeddedNeo4j.start(settings, "neo4j", "first-password", null);
		try {
			assertThat(accepts(first, "neo4j", "first-password")).isTrue();
			assertThat(accepts(first, "neo4j", "neo4j")).as("a new store's initial password").isFalse();
		}
		finally {
			first.shutdown();
		}

		DatabaseManagementService changed = EmbeddedNeo4j.start(settings, "neo4j", "second-password", null);
		try {
			assertThat(accepts(changed, "neo4j", "second-password")).isTrue();
			assertThat(accepts(changed, "neo4j", "first-password")).isFalse();
		}
		finally {
			changed.shutdown();
		}

		DatabaseManagementService same = EmbeddedNeo4j.start(settings, "neo4j", "second-password", null);
		try {
			assertThat(accepts(same, "neo4j", "second-password")).isTrue();
		}
		finally {
			same.shutdown();
		}

		DatabaseManagementService otherUser = EmbeddedNeo4j.start(settings, "analyst", "analyst-password", null);
		try {
			assertThat(accepts(otherUser, "analyst", "analyst-password")).isTrue();
		}
		finally {
			otherUser.shutdown();
		}
	}

	private static boolean accepts(DatabaseManagementService dbms, String username, String password) {
		try (Driver driver = GraphDatabase.driver(EmbeddedNeo4j.boltUri(dbms), AuthTokens.basic(username, password))) {
			driver.verifyConnectivity();
			return true;
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

}
