package org.casegraph.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.casegraph.query.BadRequestException;
import org.casegraph.query.Grade;
import org.casegraph.query.TimeZones;

/**
 * A report parameter: its type, whether it must be given, and its default.
 *
 * @param name its name, as {@code $name} in the query
 * @param type its type
 * @param defaultValue its value when not given (already typed), or null
 * @param required whether it must be given
 * @param description what it means
 */
public record ReportParameter(String name, Type type, Object defaultValue, boolean required, String description) {

	/** The types a parameter can have. */
	public enum Type {

		STRING("String"), INTEGER("Integer"), FLOAT("Float"), BOOLEAN("Boolean"), DATE("Date"), DATETIME("DateTime"),
		/**
		 * A minimum grade in the 3x5x2 scheme, such as 2B; given to Cypher as that code.
		 */
		GRADE("Grade"),
		/**
		 * An IANA time zone whole hours off UTC, such as Europe/London; given to Cypher
		 * as its name.
		 */
		TIME_ZONE("TimeZone");

		private final String label;

		Type(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		static Type of(String label) {
			for (Type type : values()) {
				if (type.label.equals(label)) {
					return type;
				}
			}
			return null;
		}

		/** Reads a value given as text (command line, query string). */
		Object parse(String text) {
			try {
				return switch (this) {
					case STRING -> text;
					case INTEGER -> Long.parseLong(text.trim());
					case FLOAT -> Double.parseDouble(text.trim());
					case BOOLEAN -> parseBoolean(text.trim());
					case DATE -> LocalDate.parse(text.trim());
					case DATETIME -> OffsetDateTime.parse(text.trim());
					case GRADE -> Grade.minimum(text, "minGrade").code();
					case TIME_ZONE -> TimeZones.wholeHours(text, "zone").getId();
				};
			}
			catch (NumberFormatException | DateTimeParseException | BadRequestException ex) {
				return null;
			}
		}

		/**
		 * Reads a value given as JSON (GraphQL): numbers and booleans as such, dates as
		 * text.
		 */
		Object accept(Object value) {
			return switch (this) {
				case STRING -> value instanceof String ? value : null;
				case INTEGER -> integral(value);
				case FLOAT -> value instanceof Number number ? number.doubleValue() : null;
				case BOOLEAN -> value instanceof Boolean ? value : null;
				case DATE, DATETIME, GRADE, TIME_ZONE -> value instanceof String text ? parse(text) : null;
			};
		}

		private static Object integral(Object value) {
			if (value instanceof Integer || value instanceof Long) {
				return ((Number) value).longValue();
			}
			if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
				return number.longValue();
			}
			return null;
		}

		private static Boolean parseBoolean(String text) {
			if (text.equalsIgnoreCase("true")) {
				return true;
			}
			return text.equalsIgnoreCase("false") ? false : null;
		}

	}

}
