package org.casegraph.neo4j;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.MapAccessor;

/**
 * Turns driver values and Cypher parameters into what a JSON document holds: temporal
 * values as ISO 8601 text, nodes and relationships as their properties, maps with sorted
 * keys so output is stable.
 */
public final class JsonValues {

	private JsonValues() {
	}

	public static Object of(Value value) {
		return of(value.asObject());
	}

	/** The properties of a node, relationship or map, keys sorted. */
	public static Map<String, Object> properties(MapAccessor source) {
		return properties(source, Set.of());
	}

	/**
	 * The properties of a node, relationship or map but those named, keys sorted; those
	 * left out are never converted.
	 */
	public static Map<String, Object> properties(MapAccessor source, Set<String> leftOut) {
		Map<String, Object> properties = new TreeMap<>();
		for (String key : source.keys()) {
			if (!leftOut.contains(key)) {
				properties.put(key, of(source.get(key)));
			}
		}
		return properties;
	}

	public static Object of(Object value) {
		return switch (value) {
			case null -> null;
			case TemporalAccessor temporal -> temporal.toString();
			case Entity entity -> properties(entity);
			case Map<?, ?> map -> map(map);
			case Collection<?> list -> list.stream().map(JsonValues::of).toList();
			case Value driverValue -> of(driverValue);
			default -> value;
		};
	}

	public static Map<String, Object> map(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.keySet().stream().map(String::valueOf).sorted().forEach(key -> copy.put(key, of(map.get(key))));
		return copy;
	}

}
