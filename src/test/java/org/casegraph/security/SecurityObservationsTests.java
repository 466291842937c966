package org.casegraph.security;

import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.config.observation.SecurityObservationSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security observes a request's filters only where its observations would be
 * recorded: off with every observation switched off (the shipped settings), on where a
 * deployment switches them on.
 */
class SecurityObservationsTests {

	@Test
	void observationsSwitchedOffLeaveTheFiltersUnobserved() {
		ObservationRegistry registry = recording();
		registry.observationConfig().observationPredicate((name, context) -> false);

		SecurityObservationSettings settings = settingsWith(registry);

		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isFalse();
	}

	@Test
	void securityObservationsSwitchedOnAreMade() {
		ObservationRegistry registry = recording();
		registry.observationConfig().observationPredicate((name, context) -> name.startsWith("spring.security"));

		SecurityObservationSettings settings = settingsWith(registry);

		assertThat(settings.shouldObserveRequests()).isTrue();
		assertThat(settings.shouldObserveAuthentications()).isTrue();
		assertThat(settings.shouldObserveAuthorizations()).isTrue();
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		SecurityObservationSettings settings = SecurityConfiguration
			.securityObservations(new StaticListableBeanFactory().getBeanProvider(ObservationRegistry.class));

		assertThat(settings.shouldObserveRequests()).isFalse();
	}

	/** A registry with a handler: without one every observation is a no-op anyway. */
	private static ObservationRegistry recording() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(context -> true);
		return registry;
	}

	private static SecurityObservationSettings settingsWith(ObservationRegistry registry) {
		return SecurityConfiguration
			.securityObservations(new StaticListableBeanFactory(Map.of("observationRegistry", registry))
				.getBeanProvider(ObservationRegistry.class));
	}

}
