package org.casegraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.stereotype.Component;

/**
 * Runs a request's statements in one read-only transaction with the request timeout
 * ({@code casegraph.limits.timeout}), keeping each statement and its parameters so that a
 * client who asks can see exactly what ran. A statement that tries to write fails and
 * changes nothing; one that runs too long is refused as LIMIT_EXCEEDED.
 */
@Component
public class ReadOnlyCypher {

	private static final SessionConfig READ = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build();

	private final Driver driver;

	private final Limits limits;

	ReadOnlyCypher(Driver driver, Limits limits) {
		this.driver = driver;
		this.limits = limits;
	}

	public <T> T read(Function<Statements, T> work) {
		TransactionConfig config = TransactionConfig.builder().withTimeout(limits.timeout()).build();
		try (Session session = driver.session(READ)) {
			return session.executeRead(tx -> work.apply(new Statements(tx)), config);
		}
		catch (ClientException ex) {
			throw timedOut(ex) ? new LimitExceededException("casegraph.limits.timeout", limits.timeout(),
					"The query ran longer than the limit of %s (casegraph.limits.timeout)".formatted(limits.timeout()))
					: ex;
		}
	}

	private static boolean timedOut(ClientException ex) {
		String code = ex.code();
		return code != null && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
	}

	/** The statements one request ran, in order. */
	public static final class Statements {

		private final TransactionContext tx;

		private final List<ExecutedQuery> executed = new ArrayList<>();

		Statements(TransactionContext tx) {
			this.tx = tx;
		}

		public List<Record> run(String cypher, Map<String, Object> parameters) {
			executed.add(new ExecutedQuery(cypher, JsonValues.map(parameters)));
			return tx.run(cypher, parameters).list();
		}

		public List<ExecutedQuery> executed() {
			return List.copyOf(executed);
		}

	}

	/**
	 * A statement as it ran.
	 *
	 * @param cypher the Cypher text
	 * @param parameters its parameters, as JSON values
	 */
	public record ExecutedQuery(String cypher, Map<String, Object> parameters) {
	}

}
