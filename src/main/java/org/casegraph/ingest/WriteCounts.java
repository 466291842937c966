package org.casegraph.ingest;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a write did, per kind of node or relationship.
 *
 * @param byKind counts per kind (Person, Message, SENT ...)
 */
public record WriteCounts(Map<String, Count> byKind) {

	public static final WriteCounts NONE = new WriteCounts(Map.of());

	public WriteCounts {
		byKind = Map.copyOf(byKind);
	}

	public WriteCounts plus(WriteCounts other) {
		Map<String, Count> sum = new TreeMap<>(byKind);
		other.byKind.forEach((kind, count) -> sum.merge(kind, count, Count::plus));
		return new WriteCounts(sum);
	}

	public WriteCounts plus(String kind, Count count) {
		return plus(new WriteCounts(Map.of(kind, count)));
	}

	public long created() {
		return byKind.values().stream().mapToLong(Count::created).sum();
	}

	public long updated() {
		return byKind.values().stream().mapToLong(Count::updated).sum();
	}

	/** A table a person reads at the end of an import. */
	public String table() {
		StringBuilder table = new StringBuilder(
				"%-22s %10s %10s %10s %10s%n".formatted("kind", "created", "updated", "unchanged", "rejected"));
		new TreeMap<>(byKind).forEach((kind, c) -> table.append(
				"%-22s %10d %10d %10d %10d%n".formatted(kind, c.created(), c.updated(), c.unchanged(), c.rejected())));
		return table.toString();
	}

	/**
	 * Counts for one kind.
	 *
	 * @param created new in the graph
	 * @param updated existed with other values
	 * @param unchanged existed with the same values
	 * @param rejected invalid input rows left out (with --skip-invalid)
	 */
	public record Count(long created, long updated, long unchanged, long rejected) {

		Count plus(Count other) {
			return new Count(created + other.created, updated + other.updated, unchanged + other.unchanged,
					rejected + other.rejected);
		}

	}

}
