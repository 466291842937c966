package org.casegraph.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.AbstractDescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type, field, argument, input field and enum value in {@code graphql/} carries a
 * description.
 */
class SchemaDescriptionTests {

	@Test
	void everythingInTheSchemaIsDescribed() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("graphql"))) {
			files.filter(f -> f.toString().endsWith(".graphqls"))
				.forEach(f -> registry.merge(new SchemaParser().parse(read(f))));
		}
		List<String> undescribed = new ArrayList<>();
		registry.types().values().forEach(type -> {
			check(undescribed, type.getName(), type);
			if (type instanceof ObjectTypeDefinition object) {
				object.getFieldDefinitions().forEach(field -> {
					check(undescribed, type.getName(), field);
					field.getInputValueDefinitions()
						.forEach(arg -> check(undescribed, type.getName() + "." + field.getName(), arg));
				});
			}
			if (type instanceof InterfaceTypeDefinition object) {
				object.getFieldDefinitions().forEach(field -> check(undescribed, type.getName(), field));
			}
			if (type instanceof InputObjectTypeDefinition input) {
				input.getInputValueDefinitions().forEach(field -> check(undescribed, type.getName(), field));
			}
			if (type instanceof EnumTypeDefinition enumType) {
				enumType.getEnumValueDefinitions().forEach(value -> check(undescribed, type.getName(), value));
			}
		});
		registry.objectTypeExtensions()
			.values()
			.stream()
			.flatMap(List::stream)
			.forEach(extension -> extension.getFieldDefinitions().forEach(field -> {
				check(undescribed, extension.getName(), field);
				field.getInputValueDefinitions().forEach(arg -> check(undescribed, field.getName(), arg));
			}));
		registry.scalars()
			.values()
			.stream()
			.filter(s -> !s.getName().matches("Int|Float|String|Boolean|ID"))
			.forEach(s -> check(undescribed, "scalar", s));
		assertThat(undescribed).isEmpty();
	}

	private static void check(List<String> undescribed, String owner, Object node) {
		if (node instanceof AbstractDescribedNode<?> described && described.getDescription() == null) {
			undescribed.add(owner + "." + ((NamedNode<?>) node).getName());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
