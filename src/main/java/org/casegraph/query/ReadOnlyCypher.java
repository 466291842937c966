package org.casegraph.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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

	private final List<Consumer<List<Statement>>> observers = new CopyOnWriteArrayList<>();

	ReadOnlyCypher(Driver driver, Limits limits) {
		this.driver = driver;
		this.limits = limits;
	}

	public <T> T read(Function<Statements, T> work) {
		return read(work, limits.timeout(), "casegraph.limits.timeout");
	}

	/**
	 * Like {@link #read(Function)} with another timeout, named by {@code setting} when it
	 * is exceeded.
	 */
	public <T> T read(Function<Statements, T> work, Duration timeout, String setting) {
		TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
		try (Session session = driver.session(READ)) {
			return session.executeRead(tx -> {
				Statements statements = new Statements(tx);
				T result = work.apply(statements);
				observers.forEach(observer -> observer.accept(List.copyOf(statements.ran)));
				return result;
			}, config);
		}
		catch (ClientException ex) {
			throw timedOut(ex) ? new LimitExceededException(setting, timeout,
					"The query ran longer than the limit of %s (%s)".formatted(timeout, setting)) : ex;
		}
	}

	/** The settings every read runs with: read access and the request timeout. */
	public TransactionConfig transactionConfig() {
		return TransactionConfig.builder().withTimeout(limits.timeout()).build();
	}

	/**
	 * Hands every request's statements, with their parameters as given to the driver, to
	 * {@code observer}: how {@code bench queries} replays the same Cypher straight
	 * through the driver.
	 */
	public void observe(Consumer<List<Statement>> observer) {
		observers.add(observer);
	}

	private static boolean timedOut(ClientException ex) {
		String code = ex.code();
		return code != null && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
	}

	/** The statements one request ran, in order. */
	public static final class Statements {

		private final TransactionContext tx;

		private final List<ExecutedQuery> executed = new ArrayList<>();

		private final List<Statement> ran = new ArrayList<>();

		Statements(TransactionContext tx) {
			this.tx = tx;
		}

		public List<Record> run(String cypher, Map<String, Object> parameters) {
			executed.add(new ExecutedQuery(cypher, JsonValues.map(parameters)));
			ran.add(new Statement(cypher, parameters));
			return tx.run(cypher, parameters).list();
		}

		public List<ExecutedQuery> executed() {
			return List.copyOf(executed);
		}

	}

	/**
	 * A statement with its parameters as the driver took them.
	 *
	 * @param cypher the Cypher text
	 * @param parameters its parameters
	 */
	public record Statement(String cypher, Map<String, Object> parameters) {
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
