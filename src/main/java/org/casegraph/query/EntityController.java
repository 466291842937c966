package org.casegraph.query;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.CypherScript;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Lookups that cross features: any entity by id, and full-text search.
 */
@Controller
class EntityController {

	private static final java.util.regex.Pattern LUCENE_SYNTAX = java.util.regex.Pattern
		.compile("[\\\\+\\-!():^\\[\\]\"{}~*?|&/]");

	private static final java.util.regex.Pattern OPERATORS = java.util.regex.Pattern.compile("\\b(AND|OR|NOT)\\b");

	private static final String SEARCH = CypherScript.load("cypher/query/search.cypher").single();

	private final GraphReader reader;

	private final Entities entities;

	EntityController(GraphReader reader, Entities entities) {
		this.reader = reader;
		this.entities = entities;
	}

	@QueryMapping
	Entity node(@Argument String id, DataFetchingEnvironment env) {
		return reader.entity(id, node -> entities.read(node).orElse(null), env);
	}

	@QueryMapping
	List<SearchHit> search(@Argument String text, @Argument Integer first, @Argument boolean advanced) {
		if (first == null || first < 1 || first > 100) {
			throw new BadRequestException("Argument 'first': " + first + " is outside 1..100");
		}
		try {
			return reader.list(SEARCH, Map.of("text", advanced ? text : plainWords(text), "first", first), this::hit)
				.stream()
				.flatMap(java.util.Optional::stream)
				.toList();
		}
		catch (ClientException ex) {
			throw new BadRequestException("Argument 'text': '" + text + "' is not a valid search");
		}
	}

	/**
	 * Text with every character Lucene would read as syntax escaped, and its operator
	 * words (AND, OR, NOT) made ordinary words, so that plain words are searched as
	 * typed.
	 */
	static String plainWords(String text) {
		String escaped = LUCENE_SYNTAX.matcher(text).replaceAll("\\\\$0");
		return OPERATORS.matcher(escaped).replaceAll(match -> match.group().toLowerCase(java.util.Locale.ROOT));
	}

	private java.util.Optional<SearchHit> hit(org.neo4j.driver.Record record) {
		double score = record.get("score").asDouble();
		return entities.read(record.get("node").asNode()).map(node -> new SearchHit(score, node));
	}

	/**
	 * One full-text hit.
	 *
	 * @param score relevance, higher is better
	 * @param node the entity
	 */
	record SearchHit(double score, Entity node) {
	}

}
