package org.casegraph.messaging;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The activity aggregate worked out in memory: per sender and calendar month (UTC), the
 * messages sent in each hour, all and flagged. An hour is kept as hours since the epoch,
 * so that any time zone whose offsets are whole hours turns it into its own hour of day,
 * weekday and date exactly. {@link ContactAggregate} keeps it beside the contacts (same
 * messages, same transactions); an offline import tallies a whole bundle.
 */
public final class ActivityTally {

	private final Map<String, SenderMonth> months = new HashMap<>();

	/** Adds one message; one without a time has no hour and is not counted. */
	public void message(String sender, ZonedDateTime sentAt, boolean flagged) {
		if (sentAt == null) {
			return;
		}
		long hour = Math.floorDiv(sentAt.toEpochSecond(), 3600);
		ZonedDateTime utc = sentAt.withZoneSameInstant(ZoneOffset.UTC);
		long month = utc.getYear() * 100L + utc.getMonthValue();
		months.computeIfAbsent(id(sender, month), id -> new SenderMonth(id, sender, month))
			.add(hour, 1, flagged ? 1 : 0);
	}

	/**
	 * Adds what a sender's month already holds
	 * ({@code stored-activity-of-senders.cypher}), when that month gained messages.
	 */
	@SuppressWarnings("unchecked")
	void merge(Map<String, Object> stored) {
		SenderMonth month = months.get((String) stored.get("id"));
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
		return months.values().stream().map(SenderMonth::row).toList();
	}

	/** The ids of the months touched. */
	Set<String> ids() {
		return months.keySet();
	}

	Map<String, Map<String, Object>> rowsById() {
		Map<String, Map<String, Object>> rows = new HashMap<>();
		months.values().forEach(month -> rows.put(month.id, month.row()));
		return rows;
	}

	/** The node id of one sender's month. */
	static String id(String sender, long month) {
		return "activity:" + month + ":" + sender;
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

	private static final class SenderMonth {

		private final String id;

		private final String sender;

		private final long month;

		/** Per hour since the epoch: messages, of which flagged. */
		private final TreeMap<Long, long[]> hours = new TreeMap<>();

		SenderMonth(String id, String sender, long month) {
			this.id = id;
			this.sender = sender;
			this.month = month;
		}

		void add(long hour, long messages, long flagged) {
			long[] counts = hours.computeIfAbsent(hour, key -> new long[2]);
			counts[0] += messages;
			counts[1] += flagged;
		}

		Map<String, Object> row() {
			return Map.of("id", id, "sender", sender, "month", month, "hours", List.copyOf(hours.keySet()), "counts",
					hours.values().stream().map(counts -> counts[0]).toList(), "flagged",
					hours.values().stream().map(counts -> counts[1]).toList());
		}

	}

}
