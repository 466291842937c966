package org.casegraph.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the application reads: a unit of work in one read-only transaction with a
 * timeout ({@code casegraph.limits.timeout} unless the caller names another), in-process
 * on the embedded database ({@link InProcessReads}) or through Spring Data Neo4j's
 * {@link Neo4jClient} and its transaction manager on an external one. Each statement and
 * its parameters are kept, so that a client who asks can see exactly what ran. A
 * statement that tries to write fails and changes nothing; one that runs too long is
 * refused as LIMIT_EXCEEDED naming the setting. A statement the server refuses surfaces
 * as the driver reported it ({@link Neo4jException}), not wrapped.
 */
@Component
public class ReadOnlyCypher {

	private static final String TIMEOUT_SETTING = "casegraph.limits.timeout";

	/**
	 * How many parts a read cut up to be read side by side ({@link #readSideBySide}) is
	 * best cut into: one a core, up to four.
	 */
	public static final int SIDE_BY_SIDE = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);

	private final Neo4jClient client;

	private final PlatformTransactionManager transactions;

	private final Duration timeout;

	private final List<Consumer<List<Statement>>> observers = new CopyOnWriteArrayList<>();

	private final InProcessReads inProcess;

	/** The unit of work under way on this thread: a read inside a read joins it. */
	private final ThreadLocal<Statements> current = new ThreadLocal<>();

	/**
	 * The other cores' threads for {@link #readSideBySide}: none kept idle for long, and
	 * a read none is free for runs on the thread that asked.
	 */
	private final ThreadPoolExecutor sideReads = new ThreadPoolExecutor(0,
			Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
			Thread.ofPlatform().name("casegraph-read-", 0).daemon(true).factory(), (read, pool) -> read.run());

	ReadOnlyCypher(Neo4jClient client, PlatformTransactionManager transactions,
			ObjectProvider<InProcessReads> inProcess, @Value("${" + TIMEOUT_SETTING + ":10s}") Duration timeout) {
		this.client = client;
		this.transactions = transactions;
		this.inProcess = inProcess.getIfAvailable();
		this.timeout = timeout;
	}

	public <T> T read(Function<Statements, T> work) {
		return read(work, timeout, TIMEOUT_SETTING);
	}

	/**
	 * Like {@link #read(Function)} with another timeout, named by {@code setting} when it
	 * is exceeded; {@link Duration#ZERO} leaves the server's own limit.
	 */
	public <T> T read(Function<Statements, T> work, Duration timeout, String setting) {
		Statements joined = current.get();
		if (joined != null) {
			return work.apply(joined);
		}
		try {
			if (inProcess != null) {
				return inProcess.read(timeout, TransactionMetadata.current(),
						runner -> observed(new Statements(null, runner), work));
			}
			return template(timeout).execute(status -> {
				if (status.isNewTransaction()) {
					tagTransaction();
				}
				return observed(new Statements(client, null), work);
			});
		}
		catch (RuntimeException ex) {
			Neo4jException refused = refusal(ex);
			if (refused != null && timedOut(refused)) {
				throw new LimitExceededException(setting, timeout,
						"The query ran longer than the limit of %s (%s)".formatted(timeout, setting));
			}
			throw (refused != null) ? refused : ex;
		}
	}

	/**
	 * Independent reads side by side, each in a read-only transaction of its own with the
	 * usual timeout and the caller's metadata; their results in order. The first runs on
	 * this thread (in the unit of work under way, if any), the others on other cores
	 * while one is free, else here after it. Background work runs them one after another
	 * on its own thread, leaving the other cores to requests. A failure of any is thrown
	 * once all have ended.
	 */
	public <T> List<T> readSideBySide(List<Function<Statements, T>> works) {
		if (works.size() < 2 || BackgroundWork.onBackgroundThread()) {
			return works.stream().map(this::read).toList();
		}
		Map<String, Object> metadata = TransactionMetadata.current();
		List<Future<T>> others = works.subList(1, works.size())
			.stream()
			.map(work -> sideReads.submit(() -> TransactionMetadata.during(metadata, () -> read(work))))
			.toList();
		List<T> results = new ArrayList<>(works.size());
		RuntimeException failed = null;
		try {
			results.add(read(works.getFirst()));
		}
		catch (RuntimeException ex) {
			failed = ex;
		}
		for (Future<T> other : others) {
			try {
				results.add(other.get());
			}
			catch (ExecutionException ex) {
				failed = (failed != null) ? failed : unchecked(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed = (failed != null) ? failed : new IllegalStateException("Interrupted while reading", ex);
			}
		}
		if (failed != null) {
			throw failed;
		}
		return results;
	}

	/**
	 * {@code items} cut in order into at most {@link #SIDE_BY_SIDE} parts of about the
	 * same size (none for none), each to be read by one of {@link #readSideBySide}'s
	 * reads.
	 */
	public static <T> List<List<T>> inParts(List<T> items) {
		int each = Math.max(1, (items.size() + SIDE_BY_SIDE - 1) / SIDE_BY_SIDE);
		List<List<T>> parts = new ArrayList<>(SIDE_BY_SIDE);
		for (int start = 0; start < items.size(); start += each) {
			parts.add(items.subList(start, Math.min(items.size(), start + each)));
		}
		return parts;
	}

	private static RuntimeException unchecked(Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
	}

	@PreDestroy
	void close() {
		sideReads.shutdown();
	}

	private <T> T observed(Statements statements, Function<Statements, T> work) {
		current.set(statements);
		try {
			T result = work.apply(statements);
			observers.forEach(observer -> observer.accept(List.copyOf(statements.ran)));
			return result;
		}
		finally {
			current.remove();
		}
	}

	private void tagTransaction() {
		Map<String, Object> metadata = TransactionMetadata.current();
		if (metadata != null) {
			client.query(TransactionMetadata.ATTACH).bind(metadata).to("metadata").run();
		}
	}

	/** Runs one statement and maps each record. */
	public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return read(statements -> statements.run(cypher, parameters).stream().map(mapper).toList());
	}

	/**
	 * Hands every unit of work's statements, with their parameters as given to the
	 * driver, to {@code observer}: how {@code bench queries} replays the same Cypher
	 * straight through the driver.
	 */
	public void observe(Consumer<List<Statement>> observer) {
		observers.add(observer);
	}

	/**
	 * Spring counts transaction timeouts in whole seconds: a shorter limit is rounded up
	 * to one second rather than lost.
	 */
	private TransactionTemplate template(Duration timeout) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		template.setTimeout(timeout.isZero() ? TransactionDefinition.TIMEOUT_DEFAULT
				: (int) Math.max(1, (timeout.toMillis() + 999) / 1000));
		return template;
	}

	private static Neo4jException refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j) {
				return neo4j;
			}
		}
		return null;
	}

	private static boolean timedOut(Neo4jException ex) {
		String code = ex.code();
		return code != null && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
	}

	/** The statements one unit of work ran, in order. */
	public static final class Statements {

		private final Neo4jClient client;

		private final InProcessReads.Runner inProcess;

		private final List<ExecutedQuery> executed = new ArrayList<>();

		private final List<Statement> ran = new ArrayList<>();

		Statements(Neo4jClient client, InProcessReads.Runner inProcess) {
			this.client = client;
			this.inProcess = inProcess;
		}

		public List<Record> run(String cypher, Map<String, Object> parameters) {
			note(cypher, parameters);
			if (inProcess != null) {
				return inProcess.run(cypher, parameters);
			}
			return List.copyOf(client.query(cypher)
				.bindAll(parameters)
				.fetchAs(Record.class)
				.mappedBy((types, record) -> record)
				.all());
		}

		/**
		 * Runs a statement and hands each record to {@code rows} as it arrives, for
		 * results too large to hold (an export).
		 */
		public void stream(String cypher, Map<String, Object> parameters, Consumer<Record> rows) {
			note(cypher, parameters);
			if (inProcess != null) {
				inProcess.stream(cypher, parameters, rows);
				return;
			}
			client.delegateTo(runner -> {
				runner.run(cypher, parameters).forEachRemaining(rows);
				return java.util.Optional.empty();
			}).run();
		}

		public List<ExecutedQuery> executed() {
			return List.copyOf(executed);
		}

		private void note(String cypher, Map<String, Object> parameters) {
			executed.add(new ExecutedQuery(cypher, JsonValues.map(parameters)));
			ran.add(new Statement(cypher, parameters));
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
