package org.casegraph.casework;

import java.util.List;

/**
 * The expected failures of a mutation, each a GraphQL type of its own in the mutation's
 * union payload, so that a client branches on {@code __typename} instead of reading error
 * messages.
 */
final class Payloads {

	private Payloads() {
	}

	/**
	 * Something named does not exist.
	 *
	 * @param message what, in words
	 * @param ids the ids not found
	 */
	record NotFound(String message, List<String> ids) {
	}

	/**
	 * Someone changed it first.
	 *
	 * @param message what happened
	 * @param currentVersion the version it has now
	 */
	record Conflict(String message, Integer currentVersion) {
	}

	/**
	 * The caller's role does not allow it.
	 *
	 * @param message what was refused
	 * @param role the least role that may
	 */
	record Forbidden(String message, String role) {
	}

	/**
	 * An argument is not acceptable.
	 *
	 * @param message what is wrong
	 * @param argument the argument
	 */
	record Invalid(String message, String argument) {
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
