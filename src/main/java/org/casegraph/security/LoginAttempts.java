package org.casegraph.security;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Failed logins in a row per user name; {@code casegraph.security.lockout.attempts} of
 * them lock the account for {@code casegraph.security.lockout.duration} (counted from the
 * last failure). A locked account is refused before its password is checked, so guessing
 * on stops teaching anything.
 */
@Component
class LoginAttempts {

	private final int attempts;

	private final Cache<String, AtomicInteger> failures;

	LoginAttempts(SecuritySettings settings) {
		this.attempts = settings.lockout().attempts();
		this.failures = Caffeine.newBuilder().expireAfterWrite(settings.lockout().duration()).build();
	}

	boolean locked(String name) {
		AtomicInteger count = failures.getIfPresent(name);
		return count != null && count.get() >= attempts;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String name = event.getAuthentication().getName();
		AtomicInteger count = failures.get(name, key -> new AtomicInteger());
		count.incrementAndGet();
		failures.put(name, count);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		failures.invalidate(event.getAuthentication().getName());
	}

}
