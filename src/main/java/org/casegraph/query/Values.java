package org.casegraph.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * Reads typed properties from driver nodes and records, treating a missing property as
 * null (or false).
 */
public final class Values {

	private Values() {
	}

	public static String string(MapAccessor source, String key) {
		Value value = source.get(key);
		return value.isNull() ? null : value.asString();
	}

	/** One of {@code type}'s constants, by name. */
	public static <E extends Enum<E>> E constant(MapAccessor source, String key, Class<E> type) {
		Value value = source.get(key);
		return value.isNull() ? null : Enum.valueOf(type, value.asString());
	}

	public static boolean bool(MapAccessor source, String key) {
		Value value = source.get(key);
		return !value.isNull() && value.asBoolean();
	}

	public static Integer integer(MapAccessor source, String key) {
		Value value = source.get(key);
		return value.isNull() ? null : value.asInt();
	}

	public static LocalDate date(MapAccessor source, String key) {
		Value value = source.get(key);
		return value.isNull() ? null : value.asLocalDate();
	}

	public static OffsetDateTime dateTime(MapAccessor source, String key) {
		Value value = source.get(key);
		return value.isNull() ? null : value.asOffsetDateTime();
	}

}
