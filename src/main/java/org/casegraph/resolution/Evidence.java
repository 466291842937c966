package org.casegraph.resolution;

/**
 * One reason to think two records are the same.
 *
 * @param kind what kind of reason
 * @param score how much it alone says, 0 to 1
 * @param detail the reason in words, naming what matched
 */
public record Evidence(Kind kind, double score, String detail) {

	/** The kinds of reason. */
	public enum Kind {

		/** An account's number is a phone already linked to a person. */
		PHONE_NUMBER,

		/** The same display name in another group or export, or a person's own name. */
		SAME_NAME,

		/** A display name close to a person's name (Jaro-Winkler). */
		SIMILAR_NAME,

		/** Messages with the same contacts in the same months. */
		SHARED_CONTACTS

	}

}
