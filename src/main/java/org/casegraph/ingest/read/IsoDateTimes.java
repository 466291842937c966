package org.casegraph.ingest.read;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 date-times with an offset, as bundles write them ({@code 2016-02-01T20:00Z},
 * {@code 2016-02-01T20:00:05.250+01:00}), read without the JDK's general parser, which
 * was a fifth of an offline import's reading of a bundle. Anything else, and anything
 * this finds invalid, goes to {@link OffsetDateTime#parse}, which reads it or says why
 * not: the answer is always the JDK's.
 */
final class IsoDateTimes {

	private static final int[] SCALE = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	private IsoDateTimes() {
	}

	static OffsetDateTime parse(String text) {
		OffsetDateTime common = common(text);
		return (common != null) ? common : OffsetDateTime.parse(text);
	}

	/** The date-time if the text is in the common form and valid, or null. */
	private static OffsetDateTime common(String text) {
		int length = text.length();
		if (length < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int at = 16;
		int second = 0;
		int nano = 0;
		if (at < length && text.charAt(at) == ':') {
			second = digits(text, at + 1, 2);
			at += 3;
			if (at < length && text.charAt(at) == '.') {
				int start = ++at;
				while (at < length && isDigit(text.charAt(at))) {
					at++;
				}
				int places = at - start;
				nano = (places < 1 || places > 9) ? -1 : digits(text, start, places) * SCALE[9 - places];
			}
		}
		ZoneOffset offset = offset(text, at);
		if (offset == null || Math.min(Math.min(year, month), Math.min(Math.min(day, hour), minute)) < 0
				|| Math.min(second, nano) < 0) {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * {@code Z} or {@code +HH:MM} / {@code -HH:MM} ending the text at {@code at}, or
	 * null.
	 */
	private static ZoneOffset offset(String text, int at) {
		int length = text.length();
		if (at == length - 1 && text.charAt(at) == 'Z') {
			return ZoneOffset.UTC;
		}
		if (at != length - 6 || text.charAt(at + 3) != ':') {
			return null;
		}
		int sign = switch (text.charAt(at)) {
			case '+' -> 1;
			case '-' -> -1;
			default -> 0;
		};
		int hours = digits(text, at + 1, 2);
		int minutes = digits(text, at + 4, 2);
		if (sign == 0 || hours < 0 || minutes < 0) {
			return null;
		}
		try {
			return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The ASCII digits from {@code start} as a number, or -1. */
	private static int digits(String text, int start, int count) {
		if (start + count > text.length()) {
			return -1;
		}
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
