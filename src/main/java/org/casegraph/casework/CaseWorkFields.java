package org.casegraph.casework;

import java.util.List;
import java.util.Map;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.WiringFactory;
import org.casegraph.ingest.Exhibit;
import org.casegraph.query.Entity;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Gives every entity type ({@code implements Node}) its {@code notes} and {@code tags}
 * fields, and every {@code ...Where} input a {@code tags} filter, when the schema is
 * built: a type added later has them without a line of code. Each field reads through one
 * batch loader, so a page of entities with their notes and tags costs two queries more,
 * however long the page.
 */
@Configuration(proxyBeanMethods = false)
class CaseWorkFields {

	static final String NOTES = "notes";

	static final String TAGS = "tags";

	static final String EXHIBIT = "exhibit";

	@Bean
	GraphQlSourceBuilderCustomizer caseWorkTypeDefinitions() {
		return builder -> builder.configureTypeDefinitions(CaseWorkFields::extend);
	}

	@Bean
	RuntimeWiringConfigurer caseWorkWiring(CaseWork work, BatchLoaderRegistry registry) {
		registry.<String, List<Note>>forName(NOTES)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> work.notesOf(ids)));
		registry.<String, List<Tag>>forName(TAGS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> work.tagsOf(ids)));
		registry.<String, Exhibit>forName(EXHIBIT)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> work.exhibitsOf(ids)));
		return new RuntimeWiringConfigurer() {
			@Override
			public void configure(RuntimeWiring.Builder builder) {
			}

			@Override
			public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
				container.add(new EntityFields());
			}
		};
	}

	private static void extend(TypeDefinitionRegistry registry) {
		// On the interface too, so that node(id) { notes tags } works for whatever it
		// returns.
		List<FieldDefinition> fields = List.of(
				field(NOTES, "Note", "The notes investigators keep on it, oldest first."),
				field(TAGS, "Tag", "The tags it carries, by name."));
		registry.add(InterfaceTypeExtensionDefinition.newInterfaceTypeExtensionDefinition()
			.name("Node")
			.definitions(fields)
			.build());
		for (ObjectTypeDefinition type : registry.getTypes(ObjectTypeDefinition.class)) {
			boolean entity = type.getImplements().stream().anyMatch(i -> "Node".equals(((TypeName) i).getName()));
			if (entity) {
				registry.add(ObjectTypeExtensionDefinition.newObjectTypeExtensionDefinition()
					.name(type.getName())
					.fieldDefinitions(fields)
					.build());
			}
		}
		for (InputObjectTypeDefinition input : registry.getTypes(InputObjectTypeDefinition.class)) {
			if (input.getName().endsWith("Where")) {
				registry.add(InputObjectTypeExtensionDefinition.newInputObjectTypeExtensionDefinition()
					.name(input.getName())
					.inputValueDefinition(InputValueDefinition.newInputValueDefinition()
						.name(TAGS)
						.type(new TypeName("TagFilter"))
						.description(description("Filter on the tags it carries."))
						.build())
					.build());
			}
		}
	}

	private static FieldDefinition field(String name, String type, String text) {
		return FieldDefinition.newFieldDefinition()
			.name(name)
			.type(new NonNullType(new ListType(new NonNullType(new TypeName(type)))))
			.description(description(text))
			.build();
	}

	private static Description description(String text) {
		return new Description(text, SourceLocation.EMPTY, false);
	}

	/**
	 * The notes and tags fields of the entity types and a message's exhibit, each through
	 * its batch loader.
	 */
	private static final class EntityFields implements WiringFactory {

		private static final Map<String, String> ITEM_TYPES = Map.of(NOTES, "Note", TAGS, "Tag");

		@Override
		public boolean providesDataFetcher(FieldWiringEnvironment environment) {
			String field = environment.getFieldDefinition().getName();
			String parent = environment.getParentType().getName();
			if (field.equals(EXHIBIT)) {
				return parent.equals("Message");
			}
			return ITEM_TYPES.containsKey(field) && !parent.equals("Query") && !parent.equals("Mutation") && ITEM_TYPES
				.get(field)
				.equals(((GraphQLNamedType) graphql.schema.GraphQLTypeUtil.unwrapAll(environment.getFieldType()))
					.getName());
		}

		/**
		 * Each field reads through the batch loader of its own name, keyed by the
		 * entity's id.
		 */
		@Override
		public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
			String loader = environment.getFieldDefinition().getName();
			return env -> env.<String, Object>getDataLoader(loader).load(((Entity) env.getSource()).id());
		}

	}

}
