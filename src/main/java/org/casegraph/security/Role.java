package org.casegraph.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do, each role including the ones before it: a viewer sees structure,
 * counts, flags and networks with sensitive fields redacted; an analyst also runs reports
 * and asks for {@code explain}; an investigator also reads the sensitive fields; an admin
 * also reads and verifies the audit trail.
 */
public enum Role {

	VIEWER, ANALYST, INVESTIGATOR, ADMIN;

	/** The Spring Security authority of this role: {@code ROLE_VIEWER}, ... */
	public String authority() {
		return "ROLE_" + name();
	}

	/** This role and every role it includes. */
	public Set<Role> withIncluded() {
		return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).collect(Collectors.toSet());
	}

	/** The role named (any case), or null. */
	public static Role of(String name) {
		return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

}
