package org.casegraph.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of an HTTP request, from what Spring Security authenticated. */
public final class Callers {

	/** The header a caller gives the reason for a request in. */
	public static final String JUSTIFICATION = "X-Casegraph-Justification";

	private Callers() {
	}

	public static Caller of(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String justification = request.getHeader(JUSTIFICATION);
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return new Caller(Caller.NOBODY.name(), Set.of(), "none", justification);
		}
		return new Caller(authentication.getName(), roles(authentication), method(authentication, request),
				justification);
	}

	/**
	 * What a GraphQL execution for an HTTP request needs in its GraphQL context: the
	 * caller and the request's disclosure, from the request's attributes (nobody and a
	 * fresh one where they are missing).
	 */
	public static Map<String, Object> graphQlContext(Function<String, Object> attributes) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put(Caller.KEY, caller(attributes));
		context.put(Disclosure.KEY, disclosure(attributes));
		return context;
	}

	/** The caller a request's attributes hold, or nobody. */
	public static Caller caller(Function<String, Object> attributes) {
		return (attributes.apply(Caller.KEY) instanceof Caller caller) ? caller : Caller.NOBODY;
	}

	/** The disclosure a request's attributes hold, or a fresh one. */
	public static Disclosure disclosure(Function<String, Object> attributes) {
		return (attributes.apply(Disclosure.KEY) instanceof Disclosure disclosure) ? disclosure : new Disclosure();
	}

	/** The roles granted, with every role they include. */
	public static Set<Role> roles(Authentication authentication) {
		Set<Role> roles = new HashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = String.valueOf(authority.getAuthority());
			Role role = name.startsWith("ROLE_") ? Role.of(name.substring("ROLE_".length())) : null;
			if (role != null) {
				roles.addAll(role.withIncluded());
			}
		}
		return roles;
	}

	private static String method(Authentication authentication, HttpServletRequest request) {
		if (authentication instanceof JwtAuthenticationToken) {
			return "jwt";
		}
		if (authentication.getDetails() instanceof LocalCallerFilter.Loopback) {
			return "local";
		}
		return (request.getHeader("Authorization") != null) ? "basic" : "form";
	}

}
