package org.casegraph.neo4j;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * An instant and its offset packed into one number: how the who-messaged-whom aggregate
 * keeps each month's first and last message. Neo4j's batch importer reads a number far
 * faster than a date-time (it parses each of those with a regular expression), and a
 * number is smaller on the wire.
 * <p>
 * The number is the milliseconds since the epoch times 2<sup>17</sup>, plus the offset in
 * seconds plus 2<sup>16</sup>. A part of a millisecond is rounded away from the month it
 * bounds (a first down, a last up), so that a month's span still holds every one of its
 * messages and a window or a membership that cuts it is still seen to cut it. An instant
 * that does not fit (before about the year -250 or after about 4200) is not packed: the
 * aggregate keeps that pair's months as date-times, the form stores written before kept
 * them in, and {@link #read(Object)} takes both.
 */
public final class PackedInstant {

	private static final int OFFSET_BITS = 17;

	private static final int OFFSET_BIAS = 1 << 16;

	private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

	/**
	 * The seconds either side of the epoch that pack, with a second to spare for rounding
	 * up.
	 */
	private static final long PACKABLE_SECONDS = (Long.MAX_VALUE >> OFFSET_BITS) / 1000 - 1;

	private PackedInstant() {
	}

	/** Whether the instant packs into a number. */
	public static boolean packable(ZonedDateTime instant) {
		return Math.abs(instant.toEpochSecond()) < PACKABLE_SECONDS;
	}

	/**
	 * The instant, a part of a millisecond rounded down: a span's first. It must be
	 * {@link #packable}.
	 */
	public static long down(ZonedDateTime instant) {
		return pack(instant.toInstant().toEpochMilli(), instant.getOffset());
	}

	/**
	 * The instant, a part of a millisecond rounded up: a span's last. It must be
	 * {@link #packable}.
	 */
	public static long up(ZonedDateTime instant) {
		long millis = instant.toInstant().toEpochMilli() + ((instant.getNano() % 1_000_000 == 0) ? 0 : 1);
		return pack(millis, instant.getOffset());
	}

	/** The instant a number holds, in its offset. */
	public static ZonedDateTime unpack(long packed) {
		ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) (packed & OFFSET_MASK) - OFFSET_BIAS);
		return Instant.ofEpochMilli(packed >> OFFSET_BITS).atZone(offset);
	}

	/**
	 * A month's first or last as the store gave it: a packed number, or a date-time
	 * (stores written before the numbers, and instants beyond them).
	 */
	public static ZonedDateTime read(Object stored) {
		return switch (stored) {
			case Number number -> unpack(number.longValue());
			case ZonedDateTime time -> time;
			case OffsetDateTime time -> time.toZonedDateTime();
			case null, default -> throw new IllegalArgumentException("Not an instant: " + stored);
		};
	}

	private static long pack(long millis, ZoneOffset offset) {
		return (millis << OFFSET_BITS) + offset.getTotalSeconds() + OFFSET_BIAS;
	}

}
