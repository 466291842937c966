package org.casegraph.query;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.neo4j.driver.Value;

/**
 * A keyset cursor: the last row's sort value and id. Opaque to clients; typed so that a
 * date compares as a date.
 *
 * @param sortValue the value of the ordering property (String, Long, LocalDate or
 * OffsetDateTime), or null for a row without one
 * @param id the row's id, the tie-breaker
 */
public record Cursor(Object sortValue, String id) {

	private static final String SEPARATOR = "\u001f";

	static Cursor of(Value sortValue, String id) {
		Object value = sortValue.asObject();
		return new Cursor((value instanceof java.time.ZonedDateTime zoned) ? zoned.toOffsetDateTime() : value, id);
	}

	/** The cursor as a client holds it: opaque text. */
	public String encode() {
		String text = tag(sortValue) + SEPARATOR + sortValue + SEPARATOR + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A cursor a client sent back to a list sorted by values of {@code sortType}; one
	 * from another list is refused like a malformed one.
	 */
	public static Cursor decode(String cursor, Class<?> sortType) {
		Cursor decoded = decode(cursor);
		if (!sortType.isInstance(decoded.sortValue())) {
			throw invalid(cursor);
		}
		return decoded;
	}

	static Cursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR,
					3);
			if (parts.length != 3) {
				throw invalid(cursor);
			}
			return new Cursor(parse(parts[0], parts[1]), parts[2]);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw invalid(cursor);
		}
	}

	private static String tag(Object value) {
		return switch (value) {
			case null -> "n";
			case LocalDate ignored -> "d";
			case OffsetDateTime ignored -> "t";
			case Long ignored -> "i";
			default -> "s";
		};
	}

	private static Object parse(String tag, String text) {
		return switch (tag) {
			case "d" -> LocalDate.parse(text);
			case "t" -> OffsetDateTime.parse(text);
			case "i" -> Long.parseLong(text);
			case "n" -> null;
			case "s" -> text;
			default -> throw new IllegalArgumentException(tag);
		};
	}

	private static BadRequestException invalid(String cursor) {
		return new BadRequestException("Argument 'after': '" + cursor
				+ "' is not a cursor from this list (use an edge's cursor or pageInfo.endCursor)");
	}

}
