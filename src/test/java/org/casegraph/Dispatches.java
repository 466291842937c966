package org.casegraph;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Counts how often the servlet container ran a request through the filters, by kind of
 * dispatch: a request answered on its own thread passes once (REQUEST), one completed on
 * another thread a second time (ASYNC).
 */
@TestConfiguration(proxyBeanMethods = false)
public class Dispatches {

	private final Map<DispatcherType, AtomicLong> counts = new ConcurrentHashMap<>();

	public long count(DispatcherType type) {
		return counts.computeIfAbsent(type, key -> new AtomicLong()).get();
	}

	@Bean
	FilterRegistrationBean<jakarta.servlet.Filter> dispatchCounter() {
		var registration = new FilterRegistrationBean<jakarta.servlet.Filter>(this::count);
		registration.addUrlPatterns("/graphql");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	private void count(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		counts.computeIfAbsent(request.getDispatcherType(), key -> new AtomicLong()).incrementAndGet();
		chain.doFilter(request, response);
	}

}
