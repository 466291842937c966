package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectLongHashMap;

/**
 * The input files of Neo4j's batch importer ({@code neo4j-admin database import}): one
 * file per shape of row (labels or type, and property names with their types), each with
 * its typed header ({@code :ID}, {@code sentAt:datetime}, {@code :LABEL},
 * {@code :START_ID}...). Arrays are separated by {@value #ARRAY_DELIMITER}.
 * <p>
 * Each node's record number is given ({@code --id-type=actual}): a node's {@code id} is
 * numbered when it is first written or referred to, and kept as a plain property. The
 * importer then maps no ids of its own, which took a quarter of its time at M (nodes 17 s
 * against 14, relationships 14 s against 7). Since it no longer checks them either, every
 * id must be written as a node once, and {@link #close} refuses the files otherwise.
 */
final class AdminCsv implements AutoCloseable {

	static final String ARRAY_DELIMITER = ";";

	private final Path dir;

	private final Map<String, File> nodes = new LinkedHashMap<>();

	private final Map<String, File> relationships = new LinkedHashMap<>();

	/** Each id's record number. */
	private ObjectLongHashMap<String> numbers;

	/** The numbers written as nodes. */
	private final BitSet written = new BitSet();

	/**
	 * Files in {@code dir}, for about {@code nodes} nodes: the ids' map is sized for them
	 * once rather than grown through twenty doublings.
	 */
	AdminCsv(Path dir, long nodes) {
		this.dir = dir;
		this.numbers = new ObjectLongHashMap<>(Math.toIntExact(Math.min(nodes, Integer.MAX_VALUE / 2)));
	}

	/** A node; {@code properties} holds its {@code id}. */
	void node(List<String> labels, Map<String, Object> properties) {
		Shape shape = shape(lastNodeShapes, labels, properties, "id",
				keys -> nodes.computeIfAbsent("N|" + String.join(":", labels) + "|" + signature(keys, properties),
						s -> open("nodes-" + nodes.size() + ".csv",
								header(List.of(":ID", "id:string"), keys, properties, List.of(":LABEL")))));
		List<String> keys = shape.keys();
		File file = shape.file();
		String id = (String) properties.get("id");
		long number = number(id);
		if (written.get(Math.toIntExact(number))) {
			throw new IllegalStateException("Node id '" + id + "' written twice");
		}
		written.set(Math.toIntExact(number));
		List<String> row = new ArrayList<>();
		row.add(Long.toString(number));
		row.add(id);
		keys.forEach(key -> row.add(text(properties.get(key))));
		row.add(String.join(ARRAY_DELIMITER, labels));
		file.write(row);
	}

	void relationship(String from, String type, String to, Map<String, Object> properties) {
		Shape shape = shape(lastRelationshipShapes, type, properties, null,
				keys -> relationships.computeIfAbsent("R|" + type + "|" + signature(keys, properties),
						s -> open("relationships-" + relationships.size() + ".csv",
								header(List.of(":START_ID", ":END_ID", ":TYPE"), keys, properties, List.of()))));
		List<String> keys = shape.keys();
		File file = shape.file();
		List<String> row = new ArrayList<>(List.of(Long.toString(number(from)), Long.toString(number(to)), type));
		keys.forEach(key -> row.add(text(properties.get(key))));
		file.write(row);
	}

	List<Path> nodeFiles() {
		return nodes.values().stream().map(File::path).toList();
	}

	List<Path> relationshipFiles() {
		return relationships.values().stream().map(File::path).toList();
	}

	private boolean closed;

	/**
	 * Closes every file; they stay listed for the importer.
	 * @throws IllegalStateException when an id was referred to but never written
	 */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		nodes.values().forEach(File::close);
		relationships.values().forEach(File::close);
		ObjectLongHashMap<String> numbered = numbers;
		numbers = null;
		if (written.cardinality() != numbered.size()) {
			String first = numbered.keyValuesView().detect(id -> !written.get((int) id.getTwo())).getOne();
			throw new IllegalStateException("'" + first + "' is referred to but was never written as a node (and "
					+ (numbered.size() - written.cardinality() - 1) + " more)");
		}
	}

	private long number(String id) {
		return numbers.getIfAbsentPut(id, numbers.size());
	}

	/** The names written, sorted: all but {@code except} and empty arrays. */
	private static List<String> keys(Map<String, Object> properties, String except) {
		List<String> keys = new ArrayList<>(properties.size());
		properties.forEach((key, value) -> {
			if (!key.equals(except) && !(value instanceof List<?> list && list.isEmpty())) {
				keys.add(key);
			}
		});
		keys.sort(null);
		return keys;
	}

	private static String signature(List<String> keys, Map<String, Object> properties) {
		StringBuilder shape = new StringBuilder();
		for (String key : keys) {
			shape.append(shape.isEmpty() ? "" : ",").append(key).append(':').append(type(properties.get(key)));
		}
		return shape.toString();
	}

	private static List<String> header(List<String> first, List<String> keys, Map<String, Object> properties,
			List<String> last) {
		List<String> header = new ArrayList<>(first);
		keys.forEach(key -> header.add(key + ":" + type(properties.get(key))));
		header.addAll(last);
		return header;
	}

	/** The importer's name for a value's type. */
	private static String type(Object value) {
		return switch (value) {
			case String s -> "string";
			case Long l -> "long";
			case Integer i -> "int";
			case Boolean b -> "boolean";
			case Double d -> "double";
			case LocalDate d -> "date";
			case OffsetDateTime t -> "datetime";
			case ZonedDateTime t -> "datetime";
			case List<?> list when !list.isEmpty() -> arrayType(list.getFirst());
			default -> throw new IllegalArgumentException("No batch-import type for " + value);
		};
	}

	/** The importer's name for an array of such values, one constant per type. */
	private static String arrayType(Object element) {
		return switch (type(element)) {
			case "string" -> "string[]";
			case "long" -> "long[]";
			case "int" -> "int[]";
			case "boolean" -> "boolean[]";
			case "double" -> "double[]";
			case "date" -> "date[]";
			case "datetime" -> "datetime[]";
			default -> throw new IllegalArgumentException("No batch-import type for arrays of " + element);
		};
	}

	/**
	 * A value as the importer reads it. The aggregate's pairs hold about a hundred
	 * numbers each in their month arrays: they are appended as digits, with no string of
	 * their own.
	 */
	private static String text(Object value) {
		if (!(value instanceof List<?> list)) {
			return String.valueOf(value);
		}
		StringBuilder text = new StringBuilder(list.size() * 16);
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				text.append(ARRAY_DELIMITER);
			}
			Object element = list.get(i);
			if (element instanceof Long number) {
				text.append(number.longValue());
			}
			else {
				text.append(element);
			}
		}
		return text.toString();
	}

	/**
	 * The shape of the last row of each set of labels (or type): rows come in runs of one
	 * shape, and working a row's shape out again (its names sorted, its file's name built
	 * and looked up) was a quarter of the thread that writes the files.
	 */
	private final Map<List<String>, Shape> lastNodeShapes = new HashMap<>();

	private final Map<String, Shape> lastRelationshipShapes = new HashMap<>();

	/**
	 * The shape of a row of {@code kind} (its labels or type): the last one's when the
	 * row fits it, else worked out and its file found by {@code file}, from the names
	 * written.
	 */
	private static <K> Shape shape(Map<K, Shape> last, K kind, Map<String, Object> properties, String except,
			Function<List<String>, File> file) {
		Shape known = last.get(kind);
		if (known != null && known.fits(properties)) {
			return known;
		}
		Shape shape = Shape.of(properties, except, file);
		last.put(kind, shape);
		return shape;
	}

	/**
	 * The names of a row's properties in its map's order, with each one's type (null for
	 * one left out of the file: the excepted name or an empty array), and the file and
	 * sorted names they give.
	 */
	private record Shape(String[] names, String[] types, String except, List<String> keys, File file) {

		static Shape of(Map<String, Object> properties, String except, Function<List<String>, File> file) {
			String[] names = new String[properties.size()];
			String[] types = new String[properties.size()];
			int i = 0;
			for (var property : properties.entrySet()) {
				names[i] = property.getKey();
				types[i] = written(property.getKey(), property.getValue(), except);
				i++;
			}
			List<String> keys = AdminCsv.keys(properties, except);
			return new Shape(names, types, except, keys, file.apply(keys));
		}

		/** Whether a row of these labels (or this type) has this shape. */
		boolean fits(Map<String, Object> properties) {
			if (properties.size() != names.length) {
				return false;
			}
			int i = 0;
			for (var property : properties.entrySet()) {
				if (!names[i].equals(property.getKey())
						|| !Objects.equals(types[i], written(property.getKey(), property.getValue(), except))) {
					return false;
				}
				i++;
			}
			return true;
		}

		private static String written(String key, Object value, String except) {
			if (key.equals(except) || (value instanceof List<?> list && list.isEmpty())) {
				return null;
			}
			return type(value);
		}

	}

	private File open(String name, List<String> header) {
		Path path = dir.resolve(name);
		try {
			CsvWriter csv = CsvWriter.builder()
				.lineDelimiter(LineDelimiter.LF)
				.build(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
			csv.writeRecord(header);
			return new File(path, csv);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record File(Path path, CsvWriter csv) {

		void write(List<String> row) {
			csv.writeRecord(row);
		}

		void close() {
			try {
				csv.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
