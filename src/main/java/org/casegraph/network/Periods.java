package org.casegraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of days as merged, sorted, closed intervals: when someone belonged to a unit, a
 * station or a group. An unknown start or end is open.
 */
public record Periods(List<Period> periods) {

	static final Periods ALWAYS = new Periods(List.of(new Period(LocalDate.MIN, LocalDate.MAX)));

	/** Merges overlapping and adjacent periods; null ends are open. */
	public static Periods of(List<Period> periods) {
		List<Period> sorted = periods.stream().sorted(Comparator.comparing(Period::from)).toList();
		List<Period> merged = new ArrayList<>();
		for (Period next : sorted) {
			Period last = merged.isEmpty() ? null : merged.getLast();
			if (last != null && !next.from().isAfter(last.to().plusDays(last.to().equals(LocalDate.MAX) ? 0 : 1))) {
				merged.set(merged.size() - 1, new Period(last.from(), max(last.to(), next.to())));
				continue;
			}
			merged.add(next);
		}
		return new Periods(List.copyOf(merged));
	}

	/** The days from {@code from} to {@code to}, both included; a null end is open. */
	public static Period period(LocalDate from, LocalDate to) {
		return new Period(from == null ? LocalDate.MIN : from, to == null ? LocalDate.MAX : to);
	}

	boolean always() {
		return equals(ALWAYS);
	}

	Periods intersect(Periods other) {
		List<Period> both = new ArrayList<>();
		for (Period a : periods) {
			for (Period b : other.periods) {
				LocalDate from = max(a.from(), b.from());
				LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
				if (!from.isAfter(to)) {
					both.add(new Period(from, to));
				}
			}
		}
		return of(both);
	}

	public boolean contains(LocalDate day) {
		return covers(day, day);
	}

	/** Whether one period holds every day from {@code from} to {@code to}. */
	boolean covers(LocalDate from, LocalDate to) {
		// A loop, not a stream: asked for every message a network or a term list counts.
		for (Period p : periods) {
			if (!p.from().isAfter(from) && !p.to().isBefore(to)) {
				return true;
			}
		}
		return false;
	}

	/** Whether any day from {@code from} to {@code to} is in a period. */
	boolean overlaps(LocalDate from, LocalDate to) {
		for (Period p : periods) {
			if (!p.from().isAfter(to) && !p.to().isBefore(from)) {
				return true;
			}
		}
		return false;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * Days from {@code from} to {@code to}, both included.
	 *
	 * @param from first day ({@link LocalDate#MIN} when unknown)
	 * @param to last day ({@link LocalDate#MAX} when unknown)
	 */
	public record Period(LocalDate from, LocalDate to) {
	}

}
