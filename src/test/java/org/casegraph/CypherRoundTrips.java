package org.casegraph;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the sessions the application opens on its driver. Every query outside a
 * transaction runs in a session of its own, so this is the number of Cypher round trips a
 * request cost.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CypherRoundTrips implements BeanPostProcessor {

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
