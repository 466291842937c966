package org.casegraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table and the settings the application binds agree: the
 * configuration processor's metadata (written from the settings records at build time)
 * lists every {@code casegraph.*} key with its default, and the README shows each, with
 * that default, and no other.
 */
class ConfigurationTableTests {

	private static final Pattern ROW = Pattern.compile("(?m)^\\| `(casegraph\\.[a-z0-9.-]+)` \\| ([^|]+) \\|");

	private static String text(JsonNode value) {
		if (value == null) {
			return "(none)";
		}
		// A list's default is written as "[a, b]"
		return "`" + value.asString().replaceAll("^\\[(.*)]$", "$1") + "`";
	}

	@Test
	void theReadmeTableIsTheSettingsMetadata() throws IOException {
		Map<String, String> metadata = new TreeMap<>();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				metadata.put(property.get("name").asString(), text(property.get("defaultValue")));
			}
		}
		Map<String, String> readme = new TreeMap<>();
		Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
		while (row.find()) {
			readme.put(row.group(1), row.group(2).strip());
		}

		assertThat(metadata).hasSizeGreaterThan(10);
		assertThat(readme).isEqualTo(metadata);
	}

}
