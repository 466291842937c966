package org.casegraph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.casegraph.neo4j.BackgroundWork;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the Cypher round trips a request cost: each statement the application's reads
 * ran (in-process on the embedded database, one call each), and each session opened on
 * the driver (writes, and every query outside a transaction, run in a session of their
 * own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CypherRoundTrips implements BeanPostProcessor {

	private final AtomicLong sessions = new AtomicLong();

	/** The statements of the reads being recorded, if any are. */
	private volatile List<String> recording;

	public long count() {
		return sessions.get();
	}

	/** How many sessions {@code request} opened. */
	public long during(Runnable request) {
		long before = count();
		request.run();
		return count() - before;
	}

	/**
	 * The Cypher of the statements {@code request}'s reads ran, in order (a request's
	 * writes, run in sessions, are not among them).
	 */
	public synchronized List<String> statementsOf(Runnable request) {
		List<String> statements = new CopyOnWriteArrayList<>();
		recording = statements;
		try {
			request.run();
		}
		finally {
			recording = null;
		}
		return List.copyOf(statements);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ReadOnlyCypher reads) {
			reads.observe(statements -> {
				// Background work (term hits worked out again after a write) is no
				// request's, whatever request is being counted meanwhile.
				if (!BackgroundWork.onBackgroundThread()) {
					sessions.addAndGet(statements.size());
					List<String> recorded = recording;
					if (recorded != null) {
						statements.forEach(statement -> recorded.add(statement.cypher()));
					}
				}
			});
			return bean;
		}
		if (!(bean instanceof Driver driver)) {
			return bean;
		}
		return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, args) -> {
					if (method.getName().equals("session")) {
						sessions.incrementAndGet();
					}
					try {
						return method.invoke(driver, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
