package org.casegraph.security;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser page needs to know about its own sign-in: who it is, with which roles,
 * whether a justification must accompany sensitive requests, and the CSRF token that a
 * login session must send with every POST (none where no session is used).
 */
@RestController
class SessionController {

	private final AccessPolicy policy;

	SessionController(AccessPolicy policy) {
		this.policy = policy;
	}

	@GetMapping("/session")
	Session session(HttpServletRequest request) {
		Caller caller = Callers.of(request);
		List<String> roles = caller.roles()
			.stream()
			.sorted(Comparator.comparing(Role::ordinal))
			.map(role -> role.name().toLowerCase(java.util.Locale.ROOT))
			.toList();
		CsrfToken token = (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken found)
				&& request.getSession(false) != null ? found : null;
		return new Session(caller.name(), roles, caller.method(), policy.justificationRequired(),
				(token == null) ? null : new Csrf(token.getHeaderName(), token.getToken()));
	}

	/**
	 * A page's sign-in.
	 *
	 * @param name who is signed in
	 * @param roles their roles, included ones too, least first
	 * @param method how they signed in: local, basic, form or jwt
	 * @param justificationRequired whether sensitive requests need the justification
	 * header
	 * @param csrf the token to send with a POST, or null where none is needed
	 */
	record Session(String name, List<String> roles, String method, boolean justificationRequired, Csrf csrf) {
	}

	/**
	 * A CSRF token and the header it goes in.
	 *
	 * @param headerName the header
	 * @param token the token
	 */
	record Csrf(String headerName, String token) {
	}

}
