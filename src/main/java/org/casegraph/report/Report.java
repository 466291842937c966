package org.casegraph.report;

import java.util.List;

/**
 * A named, parameterised, read-only Cypher report from {@code cypher/reports/}.
 *
 * @param name how it is called ({@code top-contacts})
 * @param title a short title
 * @param description what it answers
 * @param parameters what it takes, in order
 * @param columns what each row holds, in order
 * @param graph the Graph Data Science projection it runs on (made before, dropped after),
 * or null
 * @param compute a computation the application applies to the rows, or null
 * @param cypher the query
 * @param source where it was read from
 */
public record Report(String name, String title, String description, List<ReportParameter> parameters,
		List<Column> columns, String graph, String compute, String cypher, String source) {

	public boolean usesGraphDataScience() {
		return graph != null;
	}

	/**
	 * An output column.
	 *
	 * @param name its name
	 * @param description what it holds
	 * @param sensitive the sensitive field it holds ({@code Message.body}), or null
	 */
	public record Column(String name, String description, String sensitive) {
	}

}
