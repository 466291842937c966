package org.casegraph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * How far detected communities agree with formal units: normalised mutual information
 * (NMI, arithmetic normalisation: 2·I(U;C) / (H(U) + H(C)); 1 when the partitions are the
 * same, near 0 when independent), and for each person their community's prevailing unit
 * and whether theirs differs. Reads rows of {@code person, name, unit, community}.
 */
@Component
class CommunityAgreement implements ReportComputation {

	static final List<String> COLUMNS = List.of("person", "name", "unit", "community", "communityUnit", "differs");

	@Override
	public String name() {
		return "community-agreement";
	}

	@Override
	public ReportResult apply(ReportResult queried, Map<String, Object> parameters) {
		List<Map<String, Object>> people = ReportComputation.byColumn(queried)
			.stream()
			.filter(row -> row.get("unit") != null && row.get("community") != null)
			.toList();
		Map<String, String> units = new LinkedHashMap<>();
		Map<String, String> communities = new LinkedHashMap<>();
		people.forEach(row -> {
			units.put((String) row.get("person"), (String) row.get("unit"));
			communities.put((String) row.get("person"), String.valueOf(row.get("community")));
		});
		Map<String, String> prevailing = prevailingUnits(units, communities);
		boolean onlyDiffering = !Boolean.FALSE.equals(parameters.get("onlyDiffering"));
		List<List<Object>> rows = new ArrayList<>();
		int differing = 0;
		for (Map<String, Object> row : people) {
			String person = (String) row.get("person");
			String communityUnit = prevailing.get(communities.get(person));
			boolean differs = !communityUnit.equals(units.get(person));
			differing += differs ? 1 : 0;
			if (differs || !onlyDiffering) {
				rows.add(List.of(person, String.valueOf(row.get("name")), units.get(person), row.get("community"),
						communityUnit, differs));
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("nmi", nmi(units, communities));
		summary.put("people", people.size());
		summary.put("units", units.values().stream().distinct().count());
		summary.put("communities", communities.values().stream().distinct().count());
		summary.put("differing", differing);
		return new ReportResult(queried.name(), COLUMNS, rows, summary);
	}

	/**
	 * Each community's most common unit among its members (ties to the first by name).
	 */
	private static Map<String, String> prevailingUnits(Map<String, String> units, Map<String, String> communities) {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		communities.forEach((person, community) -> counts.computeIfAbsent(community, c -> new TreeMap<>())
			.merge(units.get(person), 1, Integer::sum));
		Map<String, String> prevailing = new HashMap<>();
		counts.forEach((community, byUnit) -> prevailing.put(community,
				byUnit.entrySet()
					.stream()
					.max(Map.Entry.<String, Integer>comparingByValue()
						.thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
					.orElseThrow()
					.getKey()));
		return prevailing;
	}

	/** NMI of two labellings of the same people. */
	static double nmi(Map<String, String> a, Map<String, String> b) {
		int n = a.size();
		if (n == 0) {
			return 0;
		}
		Map<String, Integer> countA = new HashMap<>();
		Map<String, Integer> countB = new HashMap<>();
		Map<String, Integer> joint = new HashMap<>();
		a.forEach((person, label) -> {
			String other = b.get(person);
			countA.merge(label, 1, Integer::sum);
			countB.merge(other, 1, Integer::sum);
			joint.merge(label + "\u0000" + other, 1, Integer::sum);
		});
		double mutual = 0;
		for (var entry : joint.entrySet()) {
			String[] labels = entry.getKey().split("\u0000", -1);
			double pxy = entry.getValue() / (double) n;
			double px = countA.get(labels[0]) / (double) n;
			double py = countB.get(labels[1]) / (double) n;
			mutual += pxy * Math.log(pxy / (px * py));
		}
		double entropy = entropy(countA, n) + entropy(countB, n);
		return entropy == 0 ? 1 : 2 * mutual / entropy;
	}

	private static double entropy(Map<String, Integer> counts, int n) {
		return -counts.values().stream().mapToDouble(c -> c / (double) n).map(p -> p * Math.log(p)).sum();
	}

}
