package org.casegraph.report;

import java.util.List;
import java.util.Map;

/**
 * Work a report's query cannot do in Cypher, applied by the application to its rows
 * (named in a report's {@code // compute:} header).
 */
interface ReportComputation {

	String name();

	ReportResult apply(ReportResult queried, Map<String, Object> parameters);

	/** Rows as maps by column, for computations that read them by name. */
	static List<Map<String, Object>> byColumn(ReportResult result) {
		return result.rows().stream().map(row -> {
			Map<String, Object> byName = new java.util.LinkedHashMap<>();
			for (int i = 0; i < result.columns().size(); i++) {
				byName.put(result.columns().get(i), row.get(i));
			}
			return byName;
		}).toList();
	}

}
