package org.casegraph.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A folder of CSV files with headers, one file per kind (see {@link CsvTables}): RFC 4180
 * quoting, UTF-8 with or without a byte-order mark, LF or CRLF. Every file is optional;
 * what is there is validated whole (types, allowed values, and every reference resolved
 * within the bundle or the graph) before anything is written.
 */
final class CsvBundle {

	private final Settings settings;

	private final List<String> rejects = new ArrayList<>();

	private final Set<String> defined = new HashSet<>();

	private final Map<String, String> references = new LinkedHashMap<>();

	/**
	 * What to read.
	 *
	 * @param dir the folder
	 * @param skipInvalid leave invalid rows out (and list them) instead of refusing the
	 * whole bundle
	 * @param batchSize rows per transaction
	 */
	record Settings(Path dir, boolean skipInvalid, int batchSize) {
	}

	private CsvBundle(Settings settings) {
		this.settings = settings;
	}

	static ImportPlan read(Settings settings) {
		if (!Files.isDirectory(settings.dir())) {
			throw new InputException(settings.dir(), "no such folder");
		}
		return new CsvBundle(settings).plan();
	}

	private ImportPlan plan() {
		List<Path> files = new ArrayList<>();
		Map<CsvTables.Table, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		for (CsvTables.Table table : CsvTables.ALL) {
			Path file = settings.dir().resolve(table.file());
			if (Files.exists(file)) {
				files.add(file);
				rows.put(table, read(table, file));
			}
		}
		if (files.isEmpty()) {
			throw new InputException(settings.dir(),
					"holds none of the bundle's files (" + CsvTables.fileNames() + ")");
		}
		references.keySet().removeAll(defined);
		List<GraphBatch> batches = new ArrayList<>();
		rows.forEach((table, tableRows) -> batch(table, tableRows, batches));
		List<String> notes = new ArrayList<>();
		rows.forEach((table, tableRows) -> notes.add("%s: %d rows".formatted(table.file(), tableRows.size())));
		rejects.forEach(reject -> notes.add("rejected " + reject));
		WriteCounts rejected = rejects.isEmpty() ? WriteCounts.NONE
				: WriteCounts.NONE.plus("(invalid rows)", new WriteCounts.Count(0, 0, 0, rejects.size()));
		return new ImportPlan("csv " + settings.dir().getFileName(), ImportPlan.fingerprint("csv", files),
				List.copyOf(batches), rejected, List.copyOf(notes), Map.copyOf(references));
	}

	private void batch(CsvTables.Table table, List<Map<String, Object>> rows, List<GraphBatch> batches) {
		for (int start = 0; start < rows.size(); start += settings.batchSize()) {
			GraphBatch batch = new GraphBatch();
			rows.subList(start, Math.min(rows.size(), start + settings.batchSize()))
				.forEach(row -> table.writer().accept(row, batch));
			batches.add(batch);
		}
	}

	private List<Map<String, Object>> read(CsvTables.Table table, Path file) {
		TextFile text = TextFile.read(file);
		requireClosedQuotes(file, text);
		List<Map<String, Object>> rows = new ArrayList<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(new StringReader(String.join("\n", text.lines())))) {
			var records = csv.iterator();
			if (!records.hasNext()) {
				throw new InputException(file, "the file is empty");
			}
			List<String> header = header(table, file, records.next());
			while (records.hasNext()) {
				CsvRecord record = records.next();
				if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
					continue;
				}
				try {
					rows.add(row(table, file, header, record));
				}
				catch (InputException ex) {
					reject(ex);
				}
			}
		}
		catch (CsvParseException ex) {
			throw new InputException(file, "broken CSV: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * A quoted field left open would swallow the rest of the file; RFC 4180 parsers
	 * differ, so refuse it.
	 */
	private static void requireClosedQuotes(Path file, TextFile text) {
		boolean quoted = false;
		int openedOn = 0;
		for (int i = 0; i < text.lines().size(); i++) {
			for (char c : text.lines().get(i).toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
					openedOn = quoted ? i + 1 : openedOn;
				}
			}
		}
		if (quoted) {
			throw new InputException(file, openedOn, null,
					"broken CSV quoting: a quoted field opens here and never closes");
		}
	}

	private static List<String> header(CsvTables.Table table, Path file, CsvRecord record) {
		List<String> header = record.getFields().stream().map(String::strip).toList();
		for (CsvTables.Column column : table.columns()) {
			if (column.required() && !header.contains(column.name())) {
				throw new InputException(file, 1, column.name(), "missing column (the header has " + header + ")");
			}
		}
		for (String name : header) {
			if (table.columns().stream().noneMatch(c -> c.name().equals(name))) {
				throw new InputException(file, 1, name, "unknown column (expected " + table.columnNames() + ")");
			}
		}
		return header;
	}

	private Map<String, Object> row(CsvTables.Table table, Path file, List<String> header, CsvRecord record) {
		long line = record.getStartingLineNumber();
		if (record.getFieldCount() != header.size()) {
			throw new InputException(file, line, null,
					"expected " + header.size() + " fields, found " + record.getFieldCount());
		}
		Map<String, Object> row = new LinkedHashMap<>();
		for (CsvTables.Column column : table.columns()) {
			int index = header.indexOf(column.name());
			String text = (index >= 0) ? record.getField(index).strip() : "";
			row.put(column.name(), value(file, line, column, text));
		}
		for (CsvTables.Column column : table.columns()) {
			Object value = row.get(column.name());
			if (column.type() == CsvTables.Type.ID) {
				defined.add((String) value);
			}
			if (column.type() == CsvTables.Type.REF && value != null) {
				references.putIfAbsent((String) value, InputException.where(file, line, column.name()));
			}
		}
		return row;
	}

	private static Object value(Path file, long line, CsvTables.Column column, String text) {
		if (text.isEmpty()) {
			if (column.required()) {
				throw new InputException(file, line, column.name(), "required, but empty");
			}
			return (column.type() == CsvTables.Type.BOOLEAN) ? Boolean.FALSE : null;
		}
		if (!column.allowed().isEmpty() && !column.allowed().contains(text)) {
			throw new InputException(file, line, column.name(),
					"'" + text + "' is not one of " + String.join(", ", column.allowed()));
		}
		try {
			return switch (column.type()) {
				case ID, REF, TEXT -> text;
				case INT -> Long.parseLong(text);
				case DATE -> LocalDate.parse(text);
				case DATETIME -> OffsetDateTime.parse(text);
				case BOOLEAN -> bool(text);
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new InputException(file, line, column.name(), "'" + text + "' is not " + column.type().expected());
		}
	}

	private static Boolean bool(String text) {
		return switch (text.toLowerCase(java.util.Locale.ROOT)) {
			case "true", "yes", "1" -> true;
			case "false", "no", "0" -> false;
			default -> throw new NumberFormatException(text);
		};
	}

	private void reject(InputException ex) {
		if (!settings.skipInvalid()) {
			throw ex;
		}
		rejects.add(ex.getMessage());
	}

}
