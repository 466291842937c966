package org.casegraph.audit;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit filter runs right after Spring Security's chain, when the caller is known, on
 * the first dispatch of a request and on the dispatch that completes an asynchronous one
 * (GraphQL answers asynchronously).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	FilterRegistrationBean<AuditFilter> auditFilter(AuditLog log) {
		FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(log));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

}
