package org.casegraph.terms;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a named term list; a saved version never changes, so a result got with
 * it can be got again.
 *
 * @param name lower case, digits and dashes
 * @param version 1 for the first, one more for each saved after
 * @param terms its terms, in the order given
 * @param note why this version, if said
 * @param createdBy who saved it
 * @param createdAt when
 */
public record TermList(String name, int version, List<Term> terms, String note, String createdBy,
		OffsetDateTime createdAt) {

	/** The version's id in the store, as save.cypher makes it. */
	String id() {
		return name + ":" + version;
	}

	/**
	 * A word or phrase (matched as whole words in any case), or a regular expression.
	 *
	 * @param text the word, phrase or pattern
	 * @param regex whether {@code text} is a regular expression
	 */
	public record Term(String text, boolean regex) {
	}

}
