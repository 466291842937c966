package org.casegraph.neo4j;

import java.time.Duration;
import java.util.List;

import org.casegraph.neo4j.ReadOnlyCypher.Statement;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

import org.springframework.stereotype.Component;

/**
 * Statements that the application ran, run again straight through the driver (no Spring
 * transaction, no mapping): the baseline {@code bench queries} sets the API against.
 */
@Component
public class DriverReplay {

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private final Driver driver;

	DriverReplay(Driver driver) {
		this.driver = driver;
	}

	/** The statements in one read transaction, every record read. */
	public void replay(List<Statement> statements, Duration timeout) {
		try (Session session = driver.session(READ)) {
			session.executeRead(tx -> {
				statements.forEach(statement -> tx.run(statement.cypher(), statement.parameters()).list());
				return null;
			}, TransactionConfig.builder().withTimeout(timeout).build());
		}
	}

}
