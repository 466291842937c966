package org.casegraph.ingest.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.casegraph.ingest.ReadAhead;
import org.casegraph.ingest.WriteCounts;

/**
 * A folder of CSV files with headers, one file per kind (see {@link CsvTables}): RFC 4180
 * quoting, UTF-8 with or without a byte-order mark, LF or CRLF. Every file is optional;
 * what is there is validated whole (types, allowed values, unique ids, and every
 * reference resolved within the bundle or the graph) before anything is written.
 * <p>
 * The bundle is streamed, never held: a first pass validates and keeps only the ids, a
 * second pass (each time the batches are streamed) reads the rows again and turns them
 * into batches.
 */
public final class CsvBundleReader {

	private final Settings settings;

	private final List<String> rejects = new ArrayList<>();

	private final Map<Path, Set<Long>> rejectedLines = new HashMap<>();

	/** Each id the bundle defines, and where: the table's index and the line, packed. */
	private final Map<String, Long> defined = new HashMap<>();

	private final Map<String, String> references = new LinkedHashMap<>();

	/**
	 * Messages replied to before the bundle defined them, with the first reply's line.
	 */
	private final Map<String, Long> laterReplies = new LinkedHashMap<>();

	/**
	 * What to read.
	 *
	 * @param dir the folder
	 * @param skipInvalid leave invalid rows out (and list them) instead of refusing the
	 * whole bundle
	 * @param batchSize rows per transaction
	 */
	public record Settings(Path dir, boolean skipInvalid, int batchSize) {
	}

	/** A file of the bundle and how many valid rows it holds. */
	private record Part(CsvTables.Table table, Path file, long rows) {

		int batches(int batchSize) {
			return (int) ((rows + batchSize - 1) / batchSize);
		}

	}

	private CsvBundleReader(Settings settings) {
		this.settings = settings;
	}

	public static ImportPlan read(Settings settings) {
		if (!Files.isDirectory(settings.dir())) {
			throw new InputException(settings.dir(), "no such folder");
		}
		return new CsvBundleReader(settings).plan();
	}

	private ImportPlan plan() {
		List<Part> parts = new ArrayList<>();
		for (CsvTables.Table table : CsvTables.ALL) {
			Path file = settings.dir().resolve(table.file());
			if (Files.exists(file)) {
				parts.add(new Part(table, file, validate(table, file)));
			}
		}
		if (parts.isEmpty()) {
			throw new InputException(settings.dir(),
					"holds none of the bundle's files (" + CsvTables.fileNames() + ")");
		}
		requireRepliesAfterOriginals();
		references.keySet().removeAll(defined.keySet());
		defined.clear();
		List<String> notes = new ArrayList<>();
		parts.forEach(part -> notes.add("%s: %d rows".formatted(part.table().file(), part.rows())));
		rejects.forEach(reject -> notes.add("rejected " + reject));
		WriteCounts rejected = rejects.isEmpty() ? WriteCounts.NONE
				: WriteCounts.NONE.plus("(invalid rows)", new WriteCounts.Count(0, 0, 0, rejects.size()));
		List<Path> files = parts.stream().map(Part::file).toList();
		return new ImportPlan("csv " + settings.dir().getFileName(),
				ImportPlan.fingerprint("csv|" + settings.batchSize() + "|" + settings.skipInvalid(), files),
				new Batches(List.copyOf(parts)), rejected, List.copyOf(notes), Map.copyOf(references));
	}

	/**
	 * A reply is written in the batch of its line, so what it replies to must be on an
	 * earlier line (or in the store already): a reply to a later line is refused.
	 */
	private void requireRepliesAfterOriginals() {
		laterReplies.forEach((original, line) -> {
			if (defined.containsKey(original)) {
				throw new InputException(settings.dir().resolve("messages.csv"), line, CsvTables.IN_REPLY_TO,
						"'%s' is on a later line (%d); a reply must come after the message it replies to"
							.formatted(original, defined.get(original) & LINE));
			}
		});
	}

	/**
	 * The first pass: every row checked, ids and references noted; returns the valid
	 * rows.
	 */
	private long validate(CsvTables.Table table, Path file) {
		long valid = 0;
		try (Rows rows = new Rows(table, file, Set.of(), true)) {
			while (rows.hasNext()) {
				Row row = rows.next();
				try {
					register(table, file, row);
					valid++;
				}
				catch (InputException ex) {
					reject(file, row.line(), ex);
				}
			}
		}
		return valid;
	}

	/** Notes the row's id (which must be new) and what it refers to. */
	private void register(CsvTables.Table table, Path file, Row row) {
		for (CsvTables.Column column : table.columns()) {
			Object value = row.values().get(column.name());
			if (column.type() == CsvTables.Type.ID) {
				Long first = defined.putIfAbsent((String) value, place(table, row.line()));
				if (first != null) {
					throw new InputException(file, row.line(), column.name(),
							"duplicate id '" + value + "' (first on line " + (first & LINE) + " of "
									+ CsvTables.ALL.get((int) (first >>> 48)).file() + ")");
				}
			}
			if (column.type() == CsvTables.Type.REF && value != null && !defined.containsKey(value)) {
				references.putIfAbsent((String) value, InputException.where(file, row.line(), column.name()));
				if (column.name().equals(CsvTables.IN_REPLY_TO)) {
					laterReplies.putIfAbsent((String) value, row.line());
				}
			}
		}
	}

	private static final long LINE = (1L << 48) - 1;

	private static long place(CsvTables.Table table, long line) {
		return ((long) CsvTables.ALL.indexOf(table) << 48) | line;
	}

	/**
	 * The second pass: the valid rows again, a batch per {@code batchSize} rows of a
	 * file.
	 */
	private final class Batches implements ImportPlan.Batches {

		private final List<Part> parts;

		Batches(List<Part> parts) {
			this.parts = parts;
		}

		@Override
		public int count() {
			return parts.stream().mapToInt(part -> part.batches(settings.batchSize())).sum();
		}

		@Override
		public long rows() {
			return parts.stream().mapToLong(Part::rows).sum();
		}

		@Override
		public Stream<GraphBatch> stream() {
			BatchIterator batches = new BatchIterator(parts);
			return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
				.onClose(batches::close);
		}

	}

	/** The files one after the other, each open only while its batches are read. */
	private final class BatchIterator implements Iterator<GraphBatch>, AutoCloseable {

		private final Iterator<Part> parts;

		private Part part;

		private Rows rows;

		BatchIterator(List<Part> parts) {
			this.parts = parts.iterator();
		}

		@Override
		public boolean hasNext() {
			while (rows == null || !rows.hasNext()) {
				close();
				if (!parts.hasNext()) {
					return false;
				}
				part = parts.next();
				rows = new Rows(part.table(), part.file(), rejectedLines.getOrDefault(part.file(), Set.of()), false);
			}
			return true;
		}

		@Override
		public GraphBatch next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			GraphBatch batch = new GraphBatch();
			int read = 0;
			for (; read < settings.batchSize() && rows.hasNext(); read++) {
				part.table().writer().accept(rows.next().values(), batch);
			}
			batch.inputRows(read);
			return batch;
		}

		@Override
		public void close() {
			if (rows != null) {
				rows.close();
				rows = null;
			}
		}

	}

	/** Records parsed ahead in each chunk handed over, and chunks ready at most. */
	private static final int CHUNK = 1_000;

	private static final int CHUNKS_AHEAD = 4;

	/** A valid row and the line it starts on. */
	private record Row(long line, Map<String, Object> values) {
	}

	/**
	 * A file's rows, typed and checked one by one as they are read; invalid ones are
	 * rejected (or end the import), and those in {@code skip} are left out.
	 */
	private final class Rows implements Iterator<Row>, AutoCloseable {

		private final CsvTables.Table table;

		private final Path file;

		private final Set<Long> skip;

		/** The file as read, once it is open. */
		private final AtomicReference<TextFile.Strict> text = new AtomicReference<>();

		/** Closes what was opened, on whichever thread reads it. */
		private final Runnable closer;

		private final Iterator<CsvRecord> records;

		private final Header header;

		private Row next;

		/**
		 * A file's rows; {@code parsedAhead}: its records parsed on a thread of their own
		 * while this one checks them, for the first pass, which has the other core to
		 * itself (the parsing was a third of that pass).
		 */
		Rows(CsvTables.Table table, Path file, Set<Long> skip, boolean parsedAhead) {
			this.table = table;
			this.file = file;
			this.skip = skip;
			if (parsedAhead) {
				Stream<List<CsvRecord>> chunks = ReadAhead.of("casegraph-csv-read-ahead", this::chunks, CHUNKS_AHEAD);
				this.closer = chunks::close;
				this.records = chunks.flatMap(List::stream).iterator();
			}
			else {
				CsvReader<CsvRecord> csv = open();
				this.closer = () -> close(csv);
				this.records = csv.iterator();
			}
			try {
				this.header = header(table, file, records);
			}
			catch (CsvParseException ex) {
				close();
				throw brokenCsv(file, ex);
			}
			catch (RuntimeException ex) {
				close();
				throw ex;
			}
		}

		@Override
		public boolean hasNext() {
			try {
				while (next == null && records.hasNext()) {
					next = convert(records.next());
				}
			}
			catch (CsvParseException ex) {
				throw brokenCsv(file, ex);
			}
			if (next == null) {
				requireClosedQuotes();
			}
			return next != null;
		}

		@Override
		public Row next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			Row row = next;
			next = null;
			return row;
		}

		private Row convert(CsvRecord record) {
			long line = record.getStartingLineNumber();
			if ((record.getFieldCount() == 1 && record.getField(0).isEmpty()) || skip.contains(line)) {
				return null;
			}
			try {
				return new Row(line, row(table, file, header, record));
			}
			catch (InputException ex) {
				if (!records.hasNext()) {
					requireClosedQuotes();
				}
				reject(file, line, ex);
				return null;
			}
		}

		/**
		 * A quoted field left open swallows the rest of the file; RFC 4180 parsers
		 * differ, so it is refused, and reported where it opened rather than as the odd
		 * row it makes.
		 */
		private void requireClosedQuotes() {
			TextFile.Strict read = text.get();
			if (read != null && read.unclosedQuoteLine() > 0) {
				throw new InputException(file, read.unclosedQuoteLine(), null,
						"broken CSV quoting: a quoted field opens here and never closes");
			}
		}

		private CsvReader<CsvRecord> open() {
			TextFile.Strict read = TextFile.stream(file);
			text.set(read);
			return CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(read);
		}

		/**
		 * The file's records a chunk at a time, so that handing them between threads
		 * costs little beside parsing them. What the parser throws comes after the
		 * records before it, as it would without the other thread.
		 */
		private Stream<List<CsvRecord>> chunks() {
			CsvReader<CsvRecord> csv = open();
			Iterator<CsvRecord> parsed = csv.iterator();
			Iterator<List<CsvRecord>> chunks = new Iterator<>() {

				private RuntimeException failure;

				@Override
				public boolean hasNext() {
					if (failure != null) {
						return true;
					}
					try {
						return parsed.hasNext();
					}
					catch (RuntimeException ex) {
						failure = ex;
						return true;
					}
				}

				@Override
				public List<CsvRecord> next() {
					if (failure != null) {
						throw failure;
					}
					List<CsvRecord> chunk = new ArrayList<>(CHUNK);
					try {
						while (chunk.size() < CHUNK && parsed.hasNext()) {
							chunk.add(parsed.next());
						}
					}
					catch (RuntimeException ex) {
						if (chunk.isEmpty()) {
							throw ex;
						}
						failure = ex;
					}
					return chunk;
				}

			};
			return StreamSupport.stream(Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED), false)
				.onClose(() -> close(csv));
		}

		@Override
		public void close() {
			closer.run();
		}

		private static void close(CsvReader<CsvRecord> csv) {
			try {
				csv.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** What the strict reader found, or else what the CSV parser did. */
	private static InputException brokenCsv(Path file, CsvParseException ex) {
		if (ex.getCause() instanceof InputException input) {
			return input;
		}
		return new InputException(file, "broken CSV: " + ex.getMessage());
	}

	/** The header's columns, and where each of the table's columns is in it. */
	private record Header(int size, int[] index) {

	}

	private static Header header(CsvTables.Table table, Path file, Iterator<CsvRecord> records) {
		if (!records.hasNext()) {
			throw new InputException(file, "the file is empty");
		}
		List<String> header = records.next().getFields().stream().map(String::strip).toList();
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
		return new Header(header.size(),
				table.columns().stream().mapToInt(column -> header.indexOf(column.name())).toArray());
	}

	private Map<String, Object> row(CsvTables.Table table, Path file, Header header, CsvRecord record) {
		long line = record.getStartingLineNumber();
		if (record.getFieldCount() != header.size()) {
			throw new InputException(file, line, null,
					"expected " + header.size() + " fields, found " + record.getFieldCount());
		}
		List<CsvTables.Column> columns = table.columns();
		Map<String, Object> row = HashMap.newHashMap(columns.size());
		for (int i = 0; i < columns.size(); i++) {
			int index = header.index()[i];
			String text = (index >= 0) ? record.getField(index).strip() : "";
			row.put(columns.get(i).name(), value(file, line, columns.get(i), text));
		}
		return row;
	}

	private void reject(Path file, long line, InputException ex) {
		if (!settings.skipInvalid()) {
			throw ex;
		}
		rejects.add(ex.getMessage());
		rejectedLines.computeIfAbsent(file, f -> new HashSet<>()).add(line);
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
				case ID, REF -> text;
				case TEXT -> (text.indexOf('\r') < 0) ? text : text.replace("\r\n", "\n");
				case INT -> Long.parseLong(text);
				case DATE -> LocalDate.parse(text);
				case DATETIME -> IsoDateTimes.parse(text);
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

}
