package org.casegraph.query;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Runs the controllers' data fetchers on the thread that executes the request instead of
 * handing each to the task executor. With virtual threads on (as here), Spring Boot gives
 * the controllers that executor, so a request's answer was completed on another thread
 * and written through an asynchronous servlet dispatch: every filter (security, audit)
 * ran a second time, and the hand-offs cost more than the reads themselves on a small
 * query (see docs/benchmarks.md). Tomcat's request threads are virtual already, so a
 * fetcher that waits for the database blocks nothing else.
 */
@Configuration(proxyBeanMethods = false)
class FetchersOnTheRequestThread {

	@Bean
	static BeanPostProcessor controllersWithoutExecutor() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AnnotatedControllerConfigurer controllers) {
					controllers.setBlockingMethodPredicate(method -> false);
				}
				return bean;
			}

		};
	}

}
