package org.casegraph.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.codec.digest.DigestUtils;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash takes
 * about 100 ms here, on purpose. A login checked once is remembered for a few minutes as
 * a SHA-256 of the user and password (in memory only), so a client's next requests cost a
 * hash lookup; a changed password, a removed user or a lock ends it at once, since the
 * user is read afresh each time.
 */
class VerifiedLogins implements AuthenticationProvider {

	private static final Duration REMEMBERED = Duration.ofMinutes(5);

	private final DaoAuthenticationProvider checked;

	private final UserDetailsService users;

	private final Cache<String, String> verified = Caffeine.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(10_000)
		.build();

	VerifiedLogins(UserDetailsService users, PasswordEncoder encoder) {
		this.users = users;
		this.checked = new DaoAuthenticationProvider(users);
		this.checked.setPasswordEncoder(encoder);
	}

	@Override
	public Authentication authenticate(Authentication login) throws AuthenticationException {
		String name = login.getName();
		String password = String.valueOf(login.getCredentials());
		String key = DigestUtils.sha256Hex(name + '\u0000' + password);
		UserDetails user = null;
		if (verified.getIfPresent(key) != null) {
			user = users.loadUserByUsername(name);
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
			if (!user.getPassword().equals(verified.getIfPresent(key))) {
				user = null;
			}
		}
		if (user == null) {
			Authentication authenticated = checked.authenticate(login);
			verified.put(key, ((UserDetails) authenticated.getPrincipal()).getPassword());
			return authenticated;
		}
		var authenticated = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		authenticated.setDetails(login.getDetails());
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
