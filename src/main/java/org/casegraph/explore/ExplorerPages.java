package org.casegraph.explore;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The browser pages: the explorer at {@code /explore} and GraphiQL at {@code /graphiql},
 * both plain files in the jar ({@code static/}) whose libraries come from WebJars, so
 * that they work where nothing outside the server can be reached. They hold no case data:
 * every answer comes from {@code /graphql} under the same access policy and audit as any
 * other client.
 */
@Configuration(proxyBeanMethods = false)
class ExplorerPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/explore").setViewName("forward:/explore/index.html");
		registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
	}

}
