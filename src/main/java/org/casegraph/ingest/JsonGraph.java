package org.casegraph.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph as JSON, for {@code export} and {@code import json}: every {@code :Entity}
 * node with its labels and properties, and every relationship between them except the
 * who-messaged-whom aggregate, which an import derives again. One node or relationship
 * per line, sorted by id, so that two exports of the same graph are the same file. Dates
 * and times are objects that say their type ({@code {"date": "2016-02-01"}},
 * {@code {"datetime": "2016-02-01T21:05Z"}}), so that a round trip keeps them as they
 * were.
 */
final class JsonGraph {

	private static final Set<String> INTERNAL_LABELS = Set.of("Entity", "PendingContacts");

	private static final String NODES = """
			MATCH (n:Entity)
			RETURN n.id AS id, [l IN labels(n) WHERE NOT l IN ['Entity', 'PendingContacts']] AS labels,
			       properties(n) AS properties
			ORDER BY id
			""";

	private static final String RELATIONSHIPS = """
			MATCH (a:Entity)-[r]->(b:Entity)
			WHERE NOT r:CONTACTED
			RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
			ORDER BY from, type, to
			""";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonGraph() {
	}

	/**
	 * Writes the graph to {@code file}; returns how many nodes and relationships it
	 * wrote.
	 */
	static long[] export(Driver driver, Path file) {
		try (Session session = driver.session();
				BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"format\": \"casegraph-json/1\",\n\"nodes\": [\n");
			long nodes = write(session, NODES, out, JsonGraph::node);
			out.write("],\n\"relationships\": [\n");
			long relationships = write(session, RELATIONSHIPS, out, JsonGraph::relationship);
			out.write("]}\n");
			return new long[] { nodes, relationships };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long write(Session session, String query, BufferedWriter out,
			java.util.function.Function<Record, Map<String, Object>> element) {
		return session.executeRead(tx -> {
			long[] count = { 0 };
			tx.run(query).forEachRemaining(record -> {
				try {
					out.write(((count[0]++ > 0) ? ",\n" : "") + MAPPER.writeValueAsString(element.apply(record)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			if (count[0] > 0) {
				writeQuietly(out, "\n");
			}
			return count[0];
		});
	}

	private static Map<String, Object> node(Record record) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("id", record.get("id").asString());
		node.put("labels", record.get("labels").asList(Value::asString));
		node.put("properties", encode(record.get("properties").asMap(JsonGraph::encode)));
		return node;
	}

	private static Map<String, Object> relationship(Record record) {
		Map<String, Object> relationship = new LinkedHashMap<>();
		relationship.put("from", record.get("from").asString());
		relationship.put("type", record.get("type").asString());
		relationship.put("to", record.get("to").asString());
		relationship.put("properties", encode(record.get("properties").asMap(JsonGraph::encode)));
		return relationship;
	}

	private static Map<String, Object> encode(Map<String, Object> properties) {
		Map<String, Object> sorted = new java.util.TreeMap<>(properties);
		sorted.remove("id");
		return sorted;
	}

	private static Object encode(Value value) {
		return switch (value.type().name()) {
			case "DATE" -> Map.of("date", value.asLocalDate().toString());
			case "DATE_TIME" -> Map.of("datetime", value.asOffsetDateTime().toString());
			case "LIST" -> value.asList(JsonGraph::encode);
			default -> value.asObject();
		};
	}

	/** Reads and validates an export; an error names the file, the line and the field. */
	static ImportPlan read(Path file, int batchSize) {
		TextFile.read(file);
		GraphBatch nodes = new GraphBatch();
		List<GraphBatch> batches = new ArrayList<>();
		List<Element> relationships = new ArrayList<>();
		long[] counts = new long[2];
		try (JsonParser parser = MAPPER.createParser(file.toFile())) {
			expect(file, parser, parser.nextToken(), JsonToken.START_OBJECT, "a JSON object");
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String section = parser.currentName();
				parser.nextToken();
				switch (section) {
					case "format" -> expectFormat(file, parser);
					case "nodes" -> elements(file, parser, (json, line) -> {
						addNode(file, line, json, nodes);
						counts[0]++;
					});
					case "relationships" -> elements(file, parser, (json, line) -> {
						relationships.add(new Element(line, json));
						counts[1]++;
					});
					default -> throw new InputException(file, parser.currentLocation().getLineNr(), section,
							"unknown section (expected format, nodes, relationships)");
				}
			}
		}
		catch (JacksonException ex) {
			throw new InputException(file, ex.getLocation() != null ? ex.getLocation().getLineNr() : 0, null,
					"not valid JSON: " + ex.getOriginalMessage());
		}
		batches.add(nodes);
		for (int start = 0; start < relationships.size(); start += batchSize) {
			GraphBatch batch = new GraphBatch();
			relationships.subList(start, Math.min(relationships.size(), start + batchSize))
				.forEach(element -> addRelationship(file, element.line(), element.json(), batch));
			batches.add(batch);
		}
		return new ImportPlan("json " + file.getFileName(), ImportPlan.fingerprint("json", List.of(file)),
				List.copyOf(batches), WriteCounts.NONE,
				List.of("%d nodes, %d relationships".formatted(counts[0], counts[1])));
	}

	private static void expectFormat(Path file, JsonParser parser) {
		if (!"casegraph-json/1".equals(parser.getString())) {
			throw new InputException(file, parser.currentLocation().getLineNr(), "format",
					"'" + parser.getString() + "' is not casegraph-json/1");
		}
	}

	private static void elements(Path file, JsonParser parser, java.util.function.ObjIntConsumer<JsonNode> each) {
		expect(file, parser, parser.currentToken(), JsonToken.START_ARRAY, "an array");
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			int line = parser.currentLocation().getLineNr();
			each.accept(MAPPER.readTree(parser), line);
		}
		expect(file, parser, parser.currentToken(), JsonToken.END_ARRAY, "an object or the end of the array");
	}

	private static void addNode(Path file, int line, JsonNode json, GraphBatch batch) {
		String id = text(file, line, json, "id");
		List<String> labels = new ArrayList<>();
		JsonNode labelsJson = json.get("labels");
		if (labelsJson == null || !labelsJson.isArray() || labelsJson.isEmpty()) {
			throw new InputException(file, line, "labels", "node " + id + " needs a non-empty array of labels");
		}
		labelsJson.forEach(label -> labels.add(label.asString()));
		labels.removeAll(INTERNAL_LABELS);
		batch.node(id, labels, properties(file, line, json));
	}

	private static void addRelationship(Path file, int line, JsonNode json, GraphBatch batch) {
		batch.relationship(text(file, line, json, "from"), text(file, line, json, "type"), text(file, line, json, "to"),
				properties(file, line, json));
	}

	private static Map<String, Object> properties(Path file, int line, JsonNode json) {
		Map<String, Object> properties = new LinkedHashMap<>();
		JsonNode object = json.get("properties");
		if (object == null) {
			return properties;
		}
		for (var entry : object.properties()) {
			properties.put(entry.getKey(), decode(file, line, entry.getKey(), entry.getValue()));
		}
		return properties;
	}

	private static Object decode(Path file, int line, String field, JsonNode value) {
		try {
			if (value.isObject() && value.has("date")) {
				return LocalDate.parse(value.get("date").asString());
			}
			if (value.isObject() && value.has("datetime")) {
				return OffsetDateTime.parse(value.get("datetime").asString());
			}
		}
		catch (DateTimeParseException ex) {
			throw new InputException(file, line, field, "'" + value + "' is not a valid date or time");
		}
		if (value.isArray()) {
			List<Object> list = new ArrayList<>();
			value.forEach(element -> list.add(decode(file, line, field, element)));
			return list;
		}
		if (value.isObject() || value.isNull()) {
			throw new InputException(file, line, field, "a property is a string, number, boolean, list, "
					+ "{\"date\": ...} or {\"datetime\": ...}, not " + value);
		}
		return value.isIntegralNumber() ? value.asLong()
				: value.isNumber() ? value.asDouble() : value.isBoolean() ? value.asBoolean() : value.asString();
	}

	private static String text(Path file, int line, JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InputException(file, line, field, "required text is missing");
		}
		return value.asString();
	}

	private static void expect(Path file, JsonParser parser, JsonToken actual, JsonToken expected, String what) {
		if (actual != expected) {
			throw new InputException(file, parser.currentLocation().getLineNr(), null,
					"expected " + what + ", found " + actual);
		}
	}

	private static void writeQuietly(BufferedWriter out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Element(int line, JsonNode json) {
	}

}
