package org.casegraph.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.casegraph.neo4j.InvalidSettingException;

import org.springframework.stereotype.Component;

/**
 * The fields that read as {@link #PLACEHOLDER} for a caller without the investigator role
 * ({@code casegraph.security.redaction.fields}), by type: a type's fields are also the
 * properties of the nodes of that kind in network results and downloads. An officer is a
 * person, so a person's sensitive fields are an officer's too.
 */
@Component
public class SensitiveFields {

	/** What a redacted value reads as. */
	public static final String PLACEHOLDER = "[redacted]";

	private static final Map<String, List<String>> SUPERTYPES = Map.of("Officer", List.of("Person"));

	private final Map<String, Set<String>> byType = new LinkedHashMap<>();

	/**
	 * Each type's fields with its supertypes', worked out once: asked for every field of
	 * every object a request returns (thousands for a network result).
	 */
	private final Map<String, Set<String>> ofType = new ConcurrentHashMap<>();

	SensitiveFields(SecuritySettings settings) {
		for (String field : settings.redaction().fields()) {
			String[] parts = field.split("\\.");
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw new InvalidSettingException("casegraph.security.redaction.fields", field,
						"a sensitive field is written Type.field", "Write each as Type.field, e.g. Message.body.",
						null);
			}
			byType.computeIfAbsent(parts[0], type -> new LinkedHashSet<>()).add(parts[1]);
		}
	}

	/**
	 * The sensitive fields (properties) of a type or node kind, in a set that cannot
	 * change.
	 */
	public Set<String> of(String type) {
		return ofType.computeIfAbsent(type, this::withSupertypes);
	}

	private Set<String> withSupertypes(String type) {
		Set<String> fields = new LinkedHashSet<>(byType.getOrDefault(type, Set.of()));
		SUPERTYPES.getOrDefault(type, List.of()).forEach(supertype -> fields.addAll(withSupertypes(supertype)));
		return Collections.unmodifiableSet(fields);
	}

	public boolean isSensitive(String type, String field) {
		return of(type).contains(field);
	}

	/** Every sensitive field, as {@code Type.field}. */
	public Set<String> all() {
		Set<String> all = new LinkedHashSet<>();
		byType.forEach((type, fields) -> fields.forEach(field -> all.add(type + "." + field)));
		return all;
	}

	/** Whether the caller may read sensitive fields. */
	public static boolean cleared(Caller caller) {
		return caller.has(Role.INVESTIGATOR);
	}

}
