package org.casegraph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casegraph.neo4j.GraphDataScience;
import org.casegraph.neo4j.JsonValues;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.stereotype.Component;

/**
 * Runs a report: checks its parameters, runs its query in a read-only transaction with
 * the report timeout (a report that tries to write fails and changes nothing), makes its
 * Graph Data Science projection before and drops it after, and applies its computation.
 */
@Component
public class ReportRunner {

	private static final String HAS_GDS = "SHOW FUNCTIONS YIELD name WHERE name = 'gds.version' RETURN count(*) > 0 AS present";

	private static final String DROP_GRAPH = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName";

	private final ReportCatalog catalog;

	private final ReadOnlyCypher cypher;

	private final ReportSettings settings;

	private final GraphDataScience graphDataScience;

	private final Map<String, ReportComputation> computations = new HashMap<>();

	ReportRunner(ReportCatalog catalog, ReadOnlyCypher cypher, ReportSettings settings,
			GraphDataScience graphDataScience, List<ReportComputation> computations) {
		this.catalog = catalog;
		this.cypher = cypher;
		this.settings = settings;
		this.graphDataScience = graphDataScience;
		computations.forEach(computation -> this.computations.put(computation.name(), computation));
	}

	/** Runs a report with parameters given as text (command line, query string). */
	public ReportResult runWithText(String name, Map<String, String> given) {
		Report report = report(name);
		return run(report, ReportParameters.fromText(report, given));
	}

	/** Runs a report with parameters given as JSON values (GraphQL). */
	public ReportResult runWithJson(String name, Map<String, Object> given) {
		Report report = report(name);
		return run(report, ReportParameters.fromJson(report, given));
	}

	Report report(String name) {
		return catalog.find(name)
			.orElseThrow(() -> new ReportException("Unknown report '" + name + "'; the reports are: "
					+ String.join(", ", catalog.all().stream().map(Report::name).toList())));
	}

	public ReportResult run(Report report, Map<String, Object> parameters) {
		String graph = report.usesGraphDataScience() ? "casegraph-" + report.name() + "-" + UUID.randomUUID() : null;
		if (graph != null) {
			awaitGraphDataScience(report);
		}
		try {
			ReportResult queried = cypher.read(statements -> query(statements, report, parameters, graph),
					settings.timeout(), "casegraph.reports.timeout");
			ReportComputation computation = report.compute() == null ? null : computations.get(report.compute());
			return computation == null ? queried : computation.apply(queried, parameters);
		}
		catch (ClientException ex) {
			throw failed(report, ex);
		}
		finally {
			if (graph != null) {
				drop(graph);
			}
		}
	}

	private ReportResult query(Statements statements, Report report, Map<String, Object> parameters, String graph) {
		Map<String, Object> bound = new HashMap<>(parameters);
		if (graph != null) {
			requireGraphDataScience(statements, report);
			bound.put("graph", graph);
			statements.run(catalog.graphQuery(report.graph()), bound);
		}
		List<Record> records = statements.run(report.cypher(), bound);
		List<String> columns = queryColumns(report, records);
		List<List<Object>> rows = new ArrayList<>();
		for (Record record : records) {
			requireColumns(report, columns, record);
			List<Object> row = new ArrayList<>();
			columns.forEach(column -> row.add(JsonValues.of(record.get(column))));
			rows.add(row);
		}
		return new ReportResult(report.name(), columns, rows, new LinkedHashMap<>());
	}

	/**
	 * The header declares what a report returns; for one the application computes on,
	 * that is the computation's output, and the query returns what the computation reads.
	 */
	private static List<String> queryColumns(Report report, List<Record> records) {
		if (report.compute() != null) {
			return records.isEmpty() ? List.of() : records.getFirst().keys();
		}
		return report.columns().stream().map(Report.Column::name).toList();
	}

	private static void requireColumns(Report report, List<String> columns, Record record) {
		if (!record.keys().equals(columns)) {
			throw new ReportException("Report '%s' (%s) returns columns %s but its header declares %s"
				.formatted(report.name(), report.source(), record.keys(), columns));
		}
	}

	/** A report asked for just after a start waits for GDS's registration. */
	private void awaitGraphDataScience(Report report) {
		try {
			graphDataScience.awaitRegistered();
		}
		catch (IllegalStateException ex) {
			throw new ReportException("Report '" + report.name()
					+ "' needs Graph Data Science, which could not be registered: " + ex.getMessage(), ex);
		}
	}

	private static void requireGraphDataScience(Statements statements, Report report) {
		if (!statements.run(HAS_GDS, Map.of()).getFirst().get("present").asBoolean()) {
			throw new ReportException("Report '" + report.name()
					+ "' needs Graph Data Science, which this database does not have: install the GDS plugin on the server (the embedded database carries it)");
		}
	}

	private void drop(String graph) {
		try {
			cypher.read(statements -> statements.run(DROP_GRAPH, Map.of("graph", graph)), settings.timeout(),
					"casegraph.reports.timeout");
		}
		catch (ClientException ex) {
			// GDS is missing or the projection was never made: nothing to drop.
		}
	}

	private static RuntimeException failed(Report report, ClientException ex) {
		String code = ex.code() == null ? "" : ex.code();
		if (code.contains("AccessMode") || code.contains("Forbidden") || ex.getMessage().contains("read access mode")) {
			return new ReportException("Report '" + report.name()
					+ "' tried to write; reports run read-only and nothing was changed (" + ex.getMessage() + ")", ex);
		}
		return new ReportException("Report '" + report.name() + "' failed: " + ex.getMessage(), ex);
	}

}
