package org.casegraph.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import org.casegraph.query.Entity;
import org.casegraph.query.GraphReader;
import org.casegraph.query.NestedField;
import org.casegraph.query.Hop;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the {@code sources: [Source!]!} field of every type to one batch loader, so that
 * a page of any entity with its sources costs one extra query, and a type that gains the
 * field needs no code.
 */
@Component
class SourcedFields implements RuntimeWiringConfigurer {

	static final String LOADER = "sources";

	private static final Hop SOURCES_OF = Hop.from("Entity").out("CITES").to("Source").orderBy("label");

	SourcedFields(GraphReader reader, BatchLoaderRegistry registry) {
		registry.<String, List<Source>>forName(LOADER)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> (Map<String, List<Source>>) reader
				.grouped(SOURCES_OF.cypher(), ids, record -> Source.from(record.get("n").asNode()))));
		reader.nest(NestedField.list(NestedField.ANY_TYPE, "sources", SOURCES_OF, Source::from).byId(LOADER));
	}

	@Override
	public void configure(RuntimeWiring.Builder builder) {
	}

	@Override
	public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
		container.add(new SourcesWiring());
	}

	private static final class SourcesWiring implements WiringFactory {

		@Override
		public boolean providesDataFetcher(FieldWiringEnvironment environment) {
			return "sources".equals(environment.getFieldDefinition().getName()) && isSourceList(environment);
		}

		@Override
		public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
			return env -> {
				Entity entity = env.getSource();
				CompletableFuture<List<Source>> sources = env.<String, List<Source>>getDataLoader(LOADER)
					.load(entity.id());
				return sources;
			};
		}

		private static boolean isSourceList(FieldWiringEnvironment environment) {
			Type<?> type = environment.getFieldDefinition().getType();
			Type<?> nullable = (type instanceof NonNullType nonNull) ? nonNull.getType() : type;
			return (nullable instanceof ListType)
					&& "Source".equals(GraphQLTypeUtil.unwrapAll(environment.getFieldType()).getName());
		}

	}

}
