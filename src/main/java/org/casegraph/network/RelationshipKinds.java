package org.casegraph.network;

import java.util.List;
import java.util.regex.Pattern;

import org.casegraph.query.BadRequestException;

/**
 * The relationship kinds a neighbourhood or a path search follows, as asked.
 */
final class RelationshipKinds {

	/**
	 * A kind is a plain name because a path search writes it into its statement: Cypher
	 * reads a Unicode escape of the backquote inside a quoted name as the quote itself,
	 * so quoting alone would let a kind end the name and add Cypher of its own.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private RelationshipKinds() {
	}

	/**
	 * The kinds; null for every kind (none given, or an empty list, as the schema says).
	 * @throws BadRequestException naming the argument when a kind is not a plain name
	 */
	static List<String> of(List<String> kinds) {
		if (kinds == null || kinds.isEmpty()) {
			return null;
		}
		for (String kind : kinds) {
			if (!NAME.matcher(kind).matches()) {
				throw new BadRequestException(
						"Argument 'kinds': '%s' is not a relationship kind; name one such as CONTACTED or HAS_MEMBERSHIP (letters, digits and _)"
							.formatted(kind));
			}
		}
		return List.copyOf(kinds);
	}

}
