package org.casegraph.messaging;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

import org.casegraph.neo4j.PackedInstant;

/**
 * How the stored aggregate (who-messaged-whom pairs, the same per unit, and activity
 * months) compares with one recomputed from the messages.
 *
 * @param pairs pairs expected from the messages
 * @param unitPairs pairs within a unit expected from the messages and the memberships
 * @param months senders' activity months expected from the messages
 * @param missing pairs or months the messages imply but the aggregate lacks
 * @param extra pairs or months the aggregate holds but no message implies
 * @param differing pairs or months present in both whose counts, dates or hours differ
 * @param examples a few differences in words
 */
public record CheckReport(long pairs, long unitPairs, long months, long missing, long extra, long differing,
		List<String> examples) {

	private static final int EXAMPLES = 10;

	public boolean passed() {
		return missing == 0 && extra == 0 && differing == 0;
	}

	static CheckReport compare(Map<Object, Map<String, Object>> expectedPairs,
			Map<Object, Map<String, Object>> storedPairs, Map<Object, Map<String, Object>> expectedUnitPairs,
			Map<Object, Map<String, Object>> storedUnitPairs, Map<Object, Map<String, Object>> expectedMonths,
			Map<Object, Map<String, Object>> storedMonths) {
		List<CheckReport> parts = List.of(compare(expectedPairs, storedPairs),
				compare(expectedUnitPairs, storedUnitPairs), compare(expectedMonths, storedMonths));
		List<String> examples = new ArrayList<>();
		parts.forEach(part -> part.examples().forEach(example -> example(examples, example)));
		return new CheckReport(parts.get(0).pairs(), parts.get(1).pairs(), parts.get(2).pairs(),
				parts.stream().mapToLong(CheckReport::missing).sum(),
				parts.stream().mapToLong(CheckReport::extra).sum(),
				parts.stream().mapToLong(CheckReport::differing).sum(), List.copyOf(examples));
	}

	private static CheckReport compare(Map<Object, Map<String, Object>> expected,
			Map<Object, Map<String, Object>> stored) {
		List<String> examples = new ArrayList<>();
		long missing = 0;
		long differing = 0;
		for (var entry : expected.entrySet()) {
			Map<String, Object> want = comparable(entry.getValue());
			Map<String, Object> have = stored.get(entry.getKey());
			if (have == null) {
				missing++;
				example(examples, "missing " + entry.getKey());
				continue;
			}
			if (!want.equals(comparable(have))) {
				differing++;
				example(examples, "differs " + entry.getKey() + ": expected " + want + ", stored " + comparable(have));
			}
		}
		long extra = stored.keySet().stream().filter(pair -> !expected.containsKey(pair)).count();
		stored.keySet()
			.stream()
			.filter(pair -> !expected.containsKey(pair))
			.limit(EXAMPLES)
			.forEach(pair -> example(examples, "extra " + pair));
		return new CheckReport(expected.size(), 0, 0, missing, extra, differing, List.copyOf(examples));
	}

	/**
	 * Numbers as longs and instants as instants, so a stored row and a computed one
	 * compare by value.
	 */
	private static Map<String, Object> comparable(Map<String, Object> row) {
		Map<String, Object> copy = new HashMap<>();
		row.forEach((key, value) -> copy.put(key, comparableValue(value)));
		copy.computeIfPresent("monthFirst", (key, value) -> packed(row.get(key), PackedInstant::down));
		copy.computeIfPresent("monthLast", (key, value) -> packed(row.get(key), PackedInstant::up));
		copy.remove("sender");
		copy.remove("recipient");
		copy.remove("id");
		copy.remove("unit");
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Object comparableValue(Object value) {
		return switch (value) {
			case null -> null;
			case ZonedDateTime time -> time.toInstant();
			case Number number -> number.longValue();
			case List<?> list -> list.stream().map(CheckReport::comparableValue).toList();
			case Map<?, ?> map -> comparable((Map<String, Object>) map);
			default -> value;
		};
	}

	/**
	 * A month's firsts or lasts as numbers, whichever form they were kept in: a store
	 * written before they were numbers holds the same months.
	 */
	private static List<Object> packed(Object months, ToLongFunction<ZonedDateTime> pack) {
		return ((List<?>) months).stream()
			.map(PackedInstant::read)
			.map(instant -> PackedInstant.packable(instant) ? (Object) pack.applyAsLong(instant) : instant.toInstant())
			.toList();
	}

	private static void example(List<String> examples, String text) {
		if (examples.size() < EXAMPLES) {
			examples.add(text);
		}
	}

	@Override
	public String toString() {
		return passed()
				? "who-messaged-whom aggregate: %d pairs, %d pairs within units and %d activity months, all match the messages"
					.formatted(pairs, unitPairs, months)
				: "who-messaged-whom aggregate: %d pairs, %d pairs within units and %d activity months expected; %d missing, %d extra, %d differ%n  %s"
					.formatted(pairs, unitPairs, months, missing, extra, differing,
							String.join(System.lineSeparator() + "  ", examples));
	}

}
