package org.casegraph.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shape of GraphQL requests is checked right after the caller is known and audited.
 */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

	/** After Spring Security's chain and the audit filter. */
	static final int SHAPE_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2;

	@Bean
	FilterRegistrationBean<RequestShapeFilter> requestShapeFilter(RequestLimits limits) {
		FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(
				new RequestShapeFilter(limits.bytes()));
		registration.setOrder(SHAPE_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
