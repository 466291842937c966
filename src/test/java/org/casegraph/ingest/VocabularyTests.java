package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.casegraph.allegation.AllegationCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Allowed values are defined once, as the features' enums: the schema's enums, the CSV
 * columns, the docs and every node a source adds agree with them.
 */
class VocabularyTests {

	private static final Pattern UPPER_LIST = Pattern.compile("[A-Z][A-Z_]+(?:, [A-Z][A-Z_]+)+");

	@Test
	void theSchemaEnumsAreTheJavaEnums() throws IOException {
		TypeDefinitionRegistry schema = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			for (Path file : files.toList()) {
				schema.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		int compared = 0;
		for (Class<? extends Enum<?>> type : enums()) {
			var definition = schema.getType(type.getSimpleName(), EnumTypeDefinition.class);
			if (definition.isEmpty()) {
				continue;
			}
			List<String> values = definition.get()
				.getEnumValueDefinitions()
				.stream()
				.map(EnumValueDefinition::getName)
				.toList();
			assertThat(values).as(type.getSimpleName()).containsExactlyElementsOf(Vocabulary.names(type));
			compared++;
		}
		assertThat(compared).as("enums the schema has too").isEqualTo(6);
	}

	@Test
	void theDocsListTheSameValues() throws IOException {
		for (String doc : List.of("docs/model.md", "docs/import.md")) {
			String text = Files.readString(Path.of(doc));
			for (Class<? extends Enum<?>> type : enums()) {
				Set<String> names = Vocabulary.names(type);
				Matcher list = UPPER_LIST.matcher(text);
				while (list.find()) {
					Set<String> listed = new LinkedHashSet<>(List.of(list.group().split(", ")));
					if (listed.containsAll(names) || names.containsAll(listed)) {
						assertThat(listed).as(doc + ": " + list.group()).isEqualTo(names);
					}
				}
			}
		}
	}

	@Test
	void aValueOutsideItsSetIsRefusedFromAnySource() {
		GraphBatch batch = new GraphBatch();
		assertThatThrownBy(() -> batch.node("allegation:x", List.of("Allegation"), Map.of("category", "GOSSIP")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("allegation:x category: 'GOSSIP' is not one of VIOLENCE_TOWARDS_WOMEN");
		assertThatThrownBy(() -> batch.message("message:x", "person:a", null, Map.of("channel", "PIGEON")))
			.hasMessageContaining("message:x channel: 'PIGEON' is not one of GROUP, DIRECT, SMS, EMAIL");
		batch.node("allegation:y", List.of("Allegation"), Map.of("category", AllegationCategory.BULLYING.name()));
		assertThat(batch.nodes()).hasSize(1);
	}

	static List<Class<? extends Enum<?>>> enums() {
		Set<Class<? extends Enum<?>>> types = new LinkedHashSet<>();
		Vocabulary.all().values().forEach(byProperty -> types.addAll(byProperty.values()));
		return List.copyOf(types);
	}

}
