package org.casegraph.report;

import java.util.List;
import java.util.Map;

/**
 * What a report returned.
 *
 * @param name the report
 * @param columns column names, in order
 * @param rows each row's values in column order (JSON values: text, numbers, booleans,
 * lists, maps; dates as ISO 8601 text)
 * @param summary figures about the whole result (a score, counts), or empty
 */
public record ReportResult(String name, List<String> columns, List<List<Object>> rows, Map<String, Object> summary) {
}
