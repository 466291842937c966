package org.casegraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.security.SensitiveFields;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The graph as JSON (casegraph-json/1), for {@code export}: every {@code :Entity} node
 * with its labels and properties, every relationship between them except the
 * who-messaged-whom aggregate, which an import derives again, and the case work (notes,
 * tags, saved searches and their runs, exhibits). One node or relationship per line,
 * sorted by id, so that two exports of the same graph are the same file. Dates and times
 * are objects that say their type ({@code {"date": "2016-02-01"}}, {@code {"datetime":
 * "2016-02-01T21:05Z"}}), so that {@code import json} keeps them as they were.
 */
@Component
public class JsonGraphFormat {

	private static final String NODES = CypherScript.load("cypher/export/nodes.cypher").single();

	private static final String RELATIONSHIPS = CypherScript.load("cypher/export/relationships.cypher").single();

	private static final String CASE_WORK = CypherScript.load("cypher/export/case-work.cypher").single();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final ReadOnlyCypher cypher;

	private final SensitiveFields sensitive;

	JsonGraphFormat(ReadOnlyCypher cypher, SensitiveFields sensitive) {
		this.cypher = cypher;
		this.sensitive = sensitive;
	}

	/**
	 * Writes the graph to {@code file} from one read-only transaction (so nodes and
	 * relationships agree), with no time limit but the server's; returns how many nodes
	 * and relationships it wrote.
	 */
	public Written export(Path file) {
		return export(file, false);
	}

	/**
	 * Like {@link #export(Path)}; with {@code redact}, each sensitive field of a node
	 * reads as the placeholder, as a caller without the investigator role sees it.
	 */
	public Written export(Path file, boolean redact) {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			return cypher.read(statements -> {
				write(out, "{\"format\": \"casegraph-json/1\",\n\"nodes\": [\n");
				long nodes = write(statements, NODES, out, record -> node(record, redact));
				write(out, "],\n\"relationships\": [\n");
				long relationships = write(statements, RELATIONSHIPS, out, JsonGraphFormat::relationship);
				write(out, "],\n\"caseWork\": [\n");
				long caseWork = write(statements, CASE_WORK, out, record -> node(record, false));
				write(out, "]}\n");
				return new Written(nodes, relationships, caseWork);
			}, Duration.ZERO, "the server's transaction timeout");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long write(ReadOnlyCypher.Statements statements, String query, BufferedWriter out,
			Function<Record, Map<String, Object>> element) {
		long[] count = { 0 };
		statements.stream(query, Map.of(), record -> write(out,
				((count[0]++ > 0) ? ",\n" : "") + MAPPER.writeValueAsString(element.apply(record))));
		if (count[0] > 0) {
			write(out, "\n");
		}
		return count[0];
	}

	private Map<String, Object> node(Record record, boolean redact) {
		Map<String, Object> node = new LinkedHashMap<>();
		List<String> labels = record.get("labels").asList(Value::asString);
		Map<String, Object> properties = sorted(record.get("properties").asMap(JsonGraphFormat::encode));
		if (redact) {
			labels.forEach(label -> sensitive.of(label)
				.stream()
				.filter(properties::containsKey)
				.forEach(field -> properties.put(field, SensitiveFields.PLACEHOLDER)));
		}
		node.put("id", record.get("id").asString());
		node.put("labels", labels);
		node.put("properties", properties);
		return node;
	}

	private static Map<String, Object> relationship(Record record) {
		Map<String, Object> relationship = new LinkedHashMap<>();
		relationship.put("from", record.get("from").asString());
		relationship.put("type", record.get("type").asString());
		relationship.put("to", record.get("to").asString());
		relationship.put("properties", sorted(record.get("properties").asMap(JsonGraphFormat::encode)));
		return relationship;
	}

	private static Map<String, Object> sorted(Map<String, Object> properties) {
		Map<String, Object> sorted = new TreeMap<>(properties);
		sorted.remove("id");
		return sorted;
	}

	private static Object encode(Value value) {
		return switch (value.type().name()) {
			case "DATE" -> Map.of("date", value.asLocalDate().toString());
			case "DATE_TIME" -> Map.of("datetime", value.asOffsetDateTime().toString());
			case "LIST" -> value.asList(JsonGraphFormat::encode);
			default -> value.asObject();
		};
	}

	private static void write(BufferedWriter out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What an export wrote.
	 *
	 * @param nodes nodes written
	 * @param relationships relationships written
	 * @param caseWork notes, tags, saved searches, their runs and exhibits written
	 */
	public record Written(long nodes, long relationships, long caseWork) {
	}

}
