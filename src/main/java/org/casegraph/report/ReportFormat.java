package org.casegraph.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a report's rows are written: an aligned text table, CSV (RFC 4180), JSON or a
 * Markdown table. Lists and maps are written as JSON text in the text formats.
 */
public enum ReportFormat {

	TABLE {
		@Override
		public String write(ReportResult result) {
			List<List<String>> cells = cells(result);
			int[] widths = new int[result.columns().size()];
			for (List<String> row : cells) {
				for (int i = 0; i < row.size(); i++) {
					widths[i] = Math.max(widths[i], row.get(i).length());
				}
			}
			StringBuilder out = new StringBuilder(summary(result));
			for (int r = 0; r < cells.size(); r++) {
				List<String> row = cells.get(r);
				List<String> padded = new ArrayList<>();
				for (int i = 0; i < row.size(); i++) {
					padded.add(String.format("%-" + Math.max(1, widths[i]) + "s", row.get(i)));
				}
				out.append(String.join("  ", padded).stripTrailing()).append('\n');
				if (r == 0) {
					out.append(String.join("  ", java.util.Arrays.stream(widths).mapToObj("-"::repeat).toList()))
						.append('\n');
				}
			}
			return out.append(result.rows().size()).append(result.rows().size() == 1 ? " row\n" : " rows\n").toString();
		}
	},

	CSV {
		@Override
		public String write(ReportResult result) {
			StringWriter out = new StringWriter();
			try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
				cells(result).forEach(csv::writeRecord);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return out.toString();
		}
	},

	JSON {
		@Override
		public String write(ReportResult result) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("report", result.name());
			document.put("columns", result.columns());
			document.put("rows", result.rows());
			if (!result.summary().isEmpty()) {
				document.put("summary", result.summary());
			}
			return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
		}
	},

	MARKDOWN {
		@Override
		public String write(ReportResult result) {
			List<List<String>> cells = cells(result);
			StringBuilder out = new StringBuilder(summary(result));
			for (int r = 0; r < cells.size(); r++) {
				out.append("| ")
					.append(String.join(" | ", cells.get(r).stream().map(c -> c.replace("|", "\\|")).toList()))
					.append(" |\n");
				if (r == 0) {
					out.append("|").append("---|".repeat(cells.get(r).size())).append('\n');
				}
			}
			return out.toString();
		}
	};

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	public abstract String write(ReportResult result);

	/** The header row, then every row, as text. */
	private static List<List<String>> cells(ReportResult result) {
		List<List<String>> cells = new ArrayList<>();
		cells.add(result.columns());
		result.rows().forEach(row -> cells.add(row.stream().map(ReportFormat::text).toList()));
		return cells;
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> || value instanceof Map<?, ?>) {
			return MAPPER.writeValueAsString(value);
		}
		return String.valueOf(value);
	}

	private static String summary(ReportResult result) {
		StringBuilder out = new StringBuilder();
		result.summary().forEach((key, value) -> out.append(key).append(": ").append(text(value)).append('\n'));
		return out.isEmpty() ? "" : out.append('\n').toString();
	}

}
