package org.casegraph.security;

import java.util.Set;

/**
 * Who is asking, as the access policy and the audit trail see them.
 *
 * @param name the principal's name ({@code local} for a loopback request in local mode)
 * @param roles their roles, included ones too
 * @param method how they were authenticated: local, basic, form, jwt, cli or none
 * @param justification the reason they gave for the request, or null
 */
public record Caller(String name, Set<Role> roles, String method, String justification) {

	/** The key of the caller in a GraphQL context and in a request's attributes. */
	public static final String KEY = Caller.class.getName();

	/** Someone not authenticated: no roles. */
	public static final Caller NOBODY = new Caller("anonymous", Set.of(), "none", null);

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The command line: whoever can run it on the data directory can read the store. */
	public static Caller commandLine(String user) {
		return new Caller(user, Role.ADMIN.withIncluded(), "cli", null);
	}

}
