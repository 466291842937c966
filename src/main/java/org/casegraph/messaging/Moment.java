package org.casegraph.messaging;

import java.time.ZonedDateTime;

import org.casegraph.neo4j.PackedInstant;

/**
 * A message's time with what the aggregate compares and stores worked out once per
 * message. A pair's months were compared on every contact, and packed when written, from
 * the date-time itself: each time a walk through three objects, and at write time a cold
 * one for each of millions of months, about a third of the time spent writing an offline
 * import's pairs.
 *
 * @param time the date-time, in its zone
 * @param second seconds since the epoch
 * @param nano the part of a second
 * @param packable whether it packs into a {@link PackedInstant}
 * @param down packed, rounded down (a month's first); 0 when not packable
 * @param up packed, rounded up (a month's last); 0 when not packable
 */
record Moment(ZonedDateTime time, long second, int nano, boolean packable, long down, long up) {

	/** The moment of {@code time}; null for none. */
	static Moment of(ZonedDateTime time) {
		if (time == null) {
			return null;
		}
		boolean packable = PackedInstant.packable(time);
		return new Moment(time, time.toEpochSecond(), time.getNano(), packable,
				packable ? PackedInstant.down(time) : 0L, packable ? PackedInstant.up(time) : 0L);
	}

	/** Whether this is strictly before {@code other} on the time line. */
	boolean isBefore(Moment other) {
		return second < other.second || (second == other.second && nano < other.nano);
	}

	/**
	 * The earlier of two moments, {@code a} when they are the same; null ends are none.
	 */
	static Moment earlier(Moment a, Moment b) {
		return (a == null || (b != null && b.isBefore(a))) ? b : a;
	}

	/** The later of two moments, {@code a} when they are the same. */
	static Moment later(Moment a, Moment b) {
		return (a == null || (b != null && a.isBefore(b))) ? b : a;
	}

}
