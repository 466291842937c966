package org.casegraph.ingest.read;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.casegraph.ingest.Vocabulary;
import org.casegraph.ingest.WriteCounts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the graph as {@link org.casegraph.export.JsonGraphFormat} wrote it, for
 * {@code import json}: validated whole, with typed dates and times ({@code {"date":
 * "2016-02-01"}}, {@code {"datetime": "2016-02-01T21:05Z"}}) made the values they were.
 */
public final class JsonGraphReader {

	private static final Set<String> INTERNAL_LABELS = Set.of("Entity", "PendingContacts");

	private static final Set<String> CASE_WORK_LABELS = Set.of("Note", "Tag", "SavedSearch", "SearchRun", "Exhibit",
			"MatchCandidate", "Merge");

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonGraphReader() {
	}

	/** Reads and validates an export; an error names the file, the line and the field. */
	public static ImportPlan read(Path file, int batchSize) {
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
					case "caseWork" -> elements(file, parser, (json, line) -> addCaseWork(file, line, json, nodes));
					default -> throw new InputException(file, parser.currentLocation().getLineNr(), section,
							"unknown section (expected format, nodes, relationships, caseWork)");
				}
			}
		}
		catch (JacksonException ex) {
			// The parser's own message names its classes and settings; the place is what
			// helps.
			var where = ex.getLocation();
			throw new InputException(file, where != null ? where.getLineNr() : 0, null, (where != null)
					? "not valid JSON at column %d (a value, comma, quote or bracket is missing or out of place)"
						.formatted(where.getColumnNr())
					: "not valid JSON");
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

	private static void addCaseWork(Path file, int line, JsonNode json, GraphBatch batch) {
		String id = text(file, line, json, "id");
		List<String> labels = labels(file, line, json, "case work " + id);
		if (!CASE_WORK_LABELS.containsAll(labels)) {
			throw new InputException(file, line, "labels",
					"case work is a note, a tag, a saved search, a search run, an exhibit, a match candidate or a merge, not "
							+ labels);
		}
		batch.caseWork(id, labels, properties(file, line, json));
	}

	/** An element's labels: a non-empty array of them, or the line is refused. */
	private static List<String> labels(Path file, int line, JsonNode json, String element) {
		JsonNode labelsJson = json.get("labels");
		if (labelsJson == null || !labelsJson.isArray() || labelsJson.isEmpty()) {
			throw new InputException(file, line, "labels", element + " needs a non-empty array of labels");
		}
		List<String> labels = new ArrayList<>();
		labelsJson.forEach(label -> labels.add(label.asString()));
		return labels;
	}

	private static void addNode(Path file, int line, JsonNode json, GraphBatch batch) {
		String id = text(file, line, json, "id");
		List<String> labels = labels(file, line, json, "node " + id);
		labels.removeAll(INTERNAL_LABELS);
		Map<String, Object> properties = properties(file, line, json);
		properties.forEach((property, value) -> {
			String problem = Vocabulary.problem(labels, property, value);
			if (problem != null) {
				throw new InputException(file, line, property, problem);
			}
		});
		batch.node(id, labels, properties);
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
					"expected " + what + ", found " + described(actual));
		}
	}

	private static String described(JsonToken token) {
		if (token == null) {
			return "the end of the file";
		}
		return switch (token) {
			case START_OBJECT -> "an object";
			case END_OBJECT -> "the end of an object";
			case START_ARRAY -> "an array";
			case END_ARRAY -> "the end of an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "true or false";
			case VALUE_NULL -> "null";
			default -> "something else";
		};
	}

	private record Element(int line, JsonNode json) {
	}

}
