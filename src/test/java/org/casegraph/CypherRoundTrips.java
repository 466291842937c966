package org.casegraph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

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

	/**
	 * The thread that works term hits out again after a write, whatever request is being
	 * counted meanwhile: its reads are no request's.
	 */
	private static final String BACKGROUND = "term-hits-keeping";

	private final AtomicLong sessions = new AtomicLong();

	public long count() {
		return sessions.get();
	}

	/** How many sessions {@code request} opened. */
	public long during(Runnable request) {
		long before = count();
		request.run();
		return count() - before;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ReadOnlyCypher reads) {
			reads.observe(statements -> {
				if (!Thread.currentThread().getName().equals(BACKGROUND)) {
					sessions.addAndGet(statements.size());
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
