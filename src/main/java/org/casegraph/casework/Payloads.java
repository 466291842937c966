package org.casegraph.casework;

import java.util.List;
import java.util.Locale;

import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.casegraph.security.Role;

/**
 * The expected failures of a mutation, each a GraphQL type of its own in the mutation's
 * union payload, so that a client branches on {@code __typename} instead of reading error
 * messages.
 */
public final class Payloads {

	private Payloads() {
	}

	/**
	 * Null when the caller may write case work (investigators and admins); otherwise the
	 * {@link Forbidden} answer, recorded as a denial in the request's audit entry.
	 */
	public static Forbidden refused(Caller caller, Disclosure disclosure, String mutation) {
		if (caller.has(Role.INVESTIGATOR)) {
			return null;
		}
		String message = "Mutation." + mutation + " needs the investigator role";
		disclosure.denied(message);
		return new Forbidden(message, Role.INVESTIGATOR.name().toLowerCase(Locale.ROOT));
	}

	/**
	 * Something named does not exist.
	 *
	 * @param message what, in words
	 * @param ids the ids not found
	 */
	public record NotFound(String message, List<String> ids) {
	}

	/**
	 * Someone changed it first.
	 *
	 * @param message what happened
	 * @param currentVersion the version it has now
	 */
	public record Conflict(String message, Integer currentVersion) {
	}

	/**
	 * The caller's role does not allow it.
	 *
	 * @param message what was refused
	 * @param role the least role that may
	 */
	public record Forbidden(String message, String role) {
	}

	/**
	 * An argument is not acceptable.
	 *
	 * @param message what is wrong
	 * @param argument the argument
	 */
	public record Invalid(String message, String argument) {
	}

	/**
	 * Entities tagged or untagged.
	 *
	 * @param tag the tag after the change
	 * @param entityIds the entities changed
	 */
	record Tagged(Tag tag, List<String> entityIds) {
	}

}
