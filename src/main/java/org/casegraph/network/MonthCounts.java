package org.casegraph.network;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A pair's messages per month (yyyymm), months ascending: two arrays rather than a map of
 * boxed numbers, since a network holds a few dozen months for each of thousands of pairs,
 * read whole from the aggregate in order. Immutable.
 */
final class MonthCounts {

	static final MonthCounts NONE = new MonthCounts(new int[0], new long[0]);

	private final int[] months;

	private final long[] counts;

	private MonthCounts(int[] months, long[] counts) {
		this.months = months;
		this.counts = counts;
	}

	/** The months of a map, in its keys' order. */
	static MonthCounts of(Map<Integer, Long> byMonth) {
		int[] months = new int[byMonth.size()];
		long[] counts = new long[byMonth.size()];
		int i = 0;
		for (Map.Entry<Integer, Long> month : byMonth.entrySet()) {
			months[i] = month.getKey();
			counts[i++] = month.getValue();
		}
		return ascending(months, counts);
	}

	/**
	 * The months and counts of parallel arrays, which it keeps and never changes (two may
	 * share one array of months); sorted into new arrays if the months are not in order.
	 */
	static MonthCounts ascending(int[] months, long[] counts) {
		for (int i = 1; i < months.length; i++) {
			if (months[i - 1] >= months[i]) {
				return sorted(months, counts);
			}
		}
		return new MonthCounts(months, counts);
	}

	private static MonthCounts sorted(int[] months, long[] counts) {
		Integer[] order = new Integer[months.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, (a, b) -> Integer.compare(months[a], months[b]));
		int[] sortedMonths = new int[months.length];
		long[] sortedCounts = new long[months.length];
		int n = 0;
		for (int i : order) {
			if (n > 0 && sortedMonths[n - 1] == months[i]) {
				sortedCounts[n - 1] += counts[i];
				continue;
			}
			sortedMonths[n] = months[i];
			sortedCounts[n++] = counts[i];
		}
		return new MonthCounts(Arrays.copyOf(sortedMonths, n), Arrays.copyOf(sortedCounts, n));
	}

	/** The count of a month, 0 when it has none. */
	long get(int month) {
		int at = Arrays.binarySearch(months, month);
		return at < 0 ? 0 : counts[at];
	}

	void forEach(MonthCount action) {
		for (int i = 0; i < months.length; i++) {
			action.accept(months[i], counts[i]);
		}
	}

	/** The months, as an answer's property shows them. */
	List<Integer> months() {
		return new View<>(months.length, i -> months[i]);
	}

	/** The counts, in the months' order. */
	List<Long> counts() {
		return new View<>(counts.length, i -> counts[i]);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MonthCounts that && Arrays.equals(months, that.months)
				&& Arrays.equals(counts, that.counts);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(months) + Arrays.hashCode(counts);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("{");
		forEach((month, count) -> text.append(text.length() > 1 ? ", " : "").append(month).append('=').append(count));
		return text.append('}').toString();
	}

	/** What is done with each month's count. */
	@FunctionalInterface
	interface MonthCount {

		void accept(int month, long count);

	}

	/** A list read from an array as it is asked for, without a copy. */
	private static final class View<T> extends AbstractList<T> implements RandomAccess {

		private final int size;

		private final IntFunction<T> element;

		View(int size, IntFunction<T> element) {
			this.size = size;
			this.element = element;
		}

		@Override
		public T get(int index) {
			Objects.checkIndex(index, size);
			return element.apply(index);
		}

		@Override
		public int size() {
			return size;
		}

	}

}
