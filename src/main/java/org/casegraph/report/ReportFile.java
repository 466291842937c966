package org.casegraph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.neo4j.CypherScript;

/**
 * Reads a report file: a header of {@code // key: value} lines, then the query.
 *
 * <pre>
 * // name: top-contacts
 * // title: Top contacts of a person
 * // description: ...
 * // param: person String (required) The person's id
 * // param: limit Integer = 10 How many contacts
 * // column: contact The other person's id
 * // sensitive: text Message.body     (optional: a column that holds a sensitive field)
 * // graph: contact-network          (optional: a GDS projection made before, dropped after)
 * // compute: community-agreement    (optional: computed by the application from the rows)
 * MATCH ...
 * </pre>
 *
 * The query may include shared fragments ({@code // include: NAME}, from
 * {@code cypher/shared/}); an include line also ends the header.
 */
final class ReportFile {

	private static final Pattern HEADER = Pattern.compile("^//\\s*([a-z]+):\\s*(.*)$");

	private static final Pattern PARAMETER = Pattern
		.compile("^([A-Za-z][A-Za-z0-9]*)\\s+([A-Za-z]+)\\s*(?:(\\(required\\))|=\\s*(\"[^\"]*\"|\\S+))?\\s*(.*)$");

	private static final Pattern COLUMN = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)\\s*(.*)$");

	private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9-]*$");

	private static final Set<String> KEYS = Set.of("name", "title", "description", "param", "column", "sensitive",
			"graph", "compute");

	private static final Pattern SENSITIVE = Pattern
		.compile("^([A-Za-z][A-Za-z0-9]*)\\s+([A-Z][A-Za-z]*\\.[a-z][A-Za-z]*)$");

	private ReportFile() {
	}

	static Report parse(String source, String text) {
		String[] lines = text.replace("\r\n", "\n").split("\n", -1);
		Builder report = new Builder(source);
		int line = 0;
		for (; line < lines.length; line++) {
			String trimmed = lines[line].trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			Matcher header = HEADER.matcher(trimmed);
			if (!header.matches() || header.group(1).equals("include")) {
				break;
			}
			report.header(line + 1, header.group(1), header.group(2).trim());
		}
		List<String> body = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			body.add((i < line) ? "" : lines[i]);
		}
		try {
			return report.build(CypherScript.withIncludes(source, String.join("\n", body)).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new ReportException(ex.getMessage());
		}
	}

	/** Collects a report's header, line by line. */
	private static final class Builder {

		private final String source;

		private String name;

		private String title;

		private final StringBuilder description = new StringBuilder();

		private final List<ReportParameter> parameters = new ArrayList<>();

		private final List<Report.Column> columns = new ArrayList<>();

		private String graph;

		private String compute;

		private final Map<String, String> sensitive = new LinkedHashMap<>();

		private final Map<String, Integer> sensitiveLines = new LinkedHashMap<>();

		private int lastHeaderLine;

		Builder(String source) {
			this.source = source;
		}

		void header(int line, String key, String value) {
			lastHeaderLine = line;
			if (!KEYS.contains(key)) {
				throw error(line, "unknown header '" + key + "' (expected one of name, title, description, param, "
						+ "column, sensitive, graph, compute)");
			}
			switch (key) {
				case "name" -> name = requireName(line, value);
				case "title" -> title = value;
				case "description" -> description.append(description.isEmpty() ? "" : " ").append(value);
				case "param" -> parameters.add(parameter(line, value));
				case "column" -> columns.add(column(line, value));
				case "sensitive" -> sensitive(line, value);
				case "graph" -> graph = requireName(line, value);
				default -> compute = requireName(line, value);
			}
		}

		private String requireName(int line, String value) {
			if (!NAME.matcher(value).matches()) {
				throw error(line, "'" + value + "' is not a name (lower case letters, digits and dashes)");
			}
			return value;
		}

		private ReportParameter parameter(int line, String value) {
			Matcher matcher = PARAMETER.matcher(value);
			if (!matcher.matches()) {
				throw error(line,
						"a parameter reads 'NAME TYPE [(required) | = DEFAULT] description', not '" + value + "'");
			}
			ReportParameter.Type type = ReportParameter.Type.of(matcher.group(2));
			if (type == null) {
				throw error(line, "parameter '" + matcher.group(1) + "' has unknown type '" + matcher.group(2)
						+ "' (expected String, Integer, Float, Boolean, Date, DateTime, Grade or TimeZone)");
			}
			boolean required = matcher.group(3) != null;
			Object defaultValue = null;
			if (matcher.group(4) != null) {
				String text = matcher.group(4).replaceAll("^\"|\"$", "");
				defaultValue = text.equals("null") ? null : type.parse(text);
				if (defaultValue == null && !text.equals("null")) {
					throw error(line,
							"default '" + text + "' of parameter '" + matcher.group(1) + "' is not a " + type.label());
				}
			}
			return new ReportParameter(matcher.group(1), type, defaultValue, required, matcher.group(5).trim());
		}

		private Report.Column column(int line, String value) {
			Matcher matcher = COLUMN.matcher(value);
			if (!matcher.matches()) {
				throw error(line, "a column reads 'NAME description', not '" + value + "'");
			}
			return new Report.Column(matcher.group(1), matcher.group(2).trim(), null);
		}

		private void sensitive(int line, String value) {
			Matcher matcher = SENSITIVE.matcher(value);
			if (!matcher.matches()) {
				throw error(line, "a sensitive column reads 'COLUMN Type.field', not '" + value + "'");
			}
			sensitive.put(matcher.group(1), matcher.group(2));
			sensitiveLines.put(matcher.group(1), line);
		}

		Report build(String cypher) {
			if (name == null) {
				throw error(1, "the header has no 'name'");
			}
			if (title == null) {
				throw error(1, "the header has no 'title'");
			}
			if (columns.isEmpty()) {
				throw error(1, "the header names no 'column'");
			}
			if (cypher.isEmpty()) {
				throw error(lastHeaderLine + 1, "the report has no query after its header");
			}
			Set<String> names = new LinkedHashSet<>();
			for (ReportParameter parameter : parameters) {
				if (!names.add(parameter.name())) {
					throw error(1, "parameter '" + parameter.name() + "' is declared twice");
				}
			}
			Set<String> declared = new LinkedHashSet<>();
			columns.forEach(column -> declared.add(column.name()));
			sensitive.forEach((column, field) -> {
				if (!declared.contains(column)) {
					throw error(sensitiveLines.get(column),
							"sensitive column '" + column + "' is not a declared column");
				}
			});
			List<Report.Column> marked = columns.stream()
				.map(column -> new Report.Column(column.name(), column.description(), sensitive.get(column.name())))
				.toList();
			return new Report(name, title, description.toString(), List.copyOf(parameters), marked, graph, compute,
					cypher, source);
		}

		private ReportException error(int line, String message) {
			return new ReportException(source + ":" + line + ": " + message);
		}

	}

}
