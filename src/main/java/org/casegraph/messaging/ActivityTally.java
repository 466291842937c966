package org.casegraph.messaging;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * The activity aggregate worked out in memory: per sender and calendar month (UTC), the
 * messages sent in each hour, all and flagged. An hour is kept as hours since the epoch,
 * so that any time zone whose offsets are whole hours turns it into its own hour of day,
 * weekday and date exactly. {@link ContactAggregate} keeps it beside the contacts (same
 * messages, same transactions); an offline import tallies a whole bundle.
 */
public final class ActivityTally {

	/**
	 * Each sender's months by month number: a message finds its month without building
	 * the month's id, which an offline import would do a million times.
	 */
	private final Map<String, LongObjectHashMap<SenderMonth>> bySender = new HashMap<>();

	/** Adds one message; one without a time has no hour and is not counted. */
	public void message(String sender, ZonedDateTime sentAt, boolean flagged) {
		if (sentAt == null) {
			return;
		}
		long second = sentAt.toEpochSecond();
		LocalDate utc = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
		long month = utc.getYear() * 100L + utc.getMonthValue();
		bySender.computeIfAbsent(sender, key -> new LongObjectHashMap<>())
			.getIfAbsentPut(month, () -> new SenderMonth(sender, month))
			.add(Math.floorDiv(second, 3600), 1, flagged ? 1 : 0);
	}

	/**
	 * Adds what a sender's month already holds
	 * ({@code stored-activity-of-senders.cypher}), when that month gained messages.
	 */
	@SuppressWarnings("unchecked")
	void merge(Map<String, Object> stored) {
		LongObjectHashMap<SenderMonth> months = bySender.get((String) stored.get("sender"));
		SenderMonth month = (months != null) ? months.get(number(stored.get("month"))) : null;
		if (month == null) {
			return;
		}
		List<Object> hours = (List<Object>) stored.get("hours");
		List<Object> counts = (List<Object>) stored.get("counts");
		List<Object> flagged = (List<Object>) stored.get("flagged");
		for (int i = 0; i < hours.size(); i++) {
			month.add(number(hours.get(i)), number(counts.get(i)), number(flagged.get(i)));
		}
	}

	/**
	 * The months touched, as {@code cypher/aggregate/add-activity.cypher} writes them.
	 */
	public List<Map<String, Object>> rows() {
		return months().map(SenderMonth::row).toList();
	}

	/** The ids of the months touched. */
	Set<String> ids() {
		return months().map(month -> id(month.sender, month.month)).collect(Collectors.toSet());
	}

	Map<String, Map<String, Object>> rowsById() {
		Map<String, Map<String, Object>> rows = new HashMap<>();
		months().map(SenderMonth::row).forEach(row -> rows.put((String) row.get("id"), row));
		return rows;
	}

	private Stream<SenderMonth> months() {
		return bySender.values().stream().flatMap(months -> months.values().stream());
	}

	/** The node id of one sender's month. */
	static String id(String sender, long month) {
		return "activity:" + month + ":" + sender;
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

	private static final class SenderMonth {

		private final String sender;

		private final long month;

		/** Per hour since the epoch: messages, of which flagged. */
		private final LongObjectHashMap<long[]> hours = new LongObjectHashMap<>();

		SenderMonth(String sender, long month) {
			this.sender = sender;
			this.month = month;
		}

		void add(long hour, long messages, long flagged) {
			long[] counts = hours.getIfAbsentPut(hour, () -> new long[2]);
			counts[0] += messages;
			counts[1] += flagged;
		}

		/** The hours in order, each with its counts. */
		Map<String, Object> row() {
			long[] sorted = hours.keySet().toSortedArray();
			List<Long> hourList = new ArrayList<>(sorted.length);
			List<Long> counts = new ArrayList<>(sorted.length);
			List<Long> flagged = new ArrayList<>(sorted.length);
			for (long hour : sorted) {
				long[] inHour = hours.get(hour);
				hourList.add(hour);
				counts.add(inHour[0]);
				flagged.add(inHour[1]);
			}
			return Map.of("id", id(sender, month), "sender", sender, "month", month, "hours", List.copyOf(hourList),
					"counts", List.copyOf(counts), "flagged", List.copyOf(flagged));
		}

	}

}
