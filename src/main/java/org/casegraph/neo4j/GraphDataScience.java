package org.casegraph.neo4j;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph Data Science's procedures and functions in the embedded database, registered when
 * a server first has a quiet moment after its start, or at their first need before that
 * (a report, a job). Registering them takes one to two seconds, which a start no longer
 * waits for; run beside the rest of a start, on two cores, it slowed that down as much,
 * and run beside a server's first answers, it slowed them. With an external database they
 * come from the server's plugin, and nothing is registered.
 */
public final class GraphDataScience {

	private static final Logger log = LoggerFactory.getLogger(GraphDataScience.class);

	private final FutureTask<Integer> registration;

	private GraphDataScience(FutureTask<Integer> registration) {
		this.registration = registration;
	}

	/** Registers GDS with the embedded database when the application is ready. */
	static GraphDataScience embedded(GraphDatabaseService database) {
		return new GraphDataScience(new FutureTask<>(() -> {
			long started = System.nanoTime();
			int classes = GdsProcedures.register(database);
			log.debug("Graph Data Science procedures registered in {} ms", (System.nanoTime() - started) / 1_000_000);
			return classes;
		}));
	}

	/** The server's own GDS, if it has the plugin: nothing to register. */
	public static GraphDataScience onServer() {
		FutureTask<Integer> none = new FutureTask<>(() -> 0);
		none.run();
		return new GraphDataScience(none);
	}

	/**
	 * Returns once GDS is registered: registers it on this thread if nothing has started
	 * to, waits if another thread is registering it.
	 * @throws IllegalStateException where a class could not be registered
	 */
	public void awaitRegistered() {
		// A FutureTask runs once: a second caller's run() returns at once, and get()
		// waits.
		registration.run();
		try {
			registration.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while Graph Data Science was being registered", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw cause instanceof IllegalStateException failed ? failed : new IllegalStateException(
					"Graph Data Science could not be registered: " + cause.getMessage(), cause);
		}
	}

}
