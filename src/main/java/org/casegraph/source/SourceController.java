package org.casegraph.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import org.casegraph.query.Grade;
import org.casegraph.query.GraphReader;
import org.casegraph.query.NestedField;
import org.casegraph.query.Hop;
import org.casegraph.query.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Sources and the claims they make.
 */
@Controller
class SourceController implements EntityKinds {

	private static final String CLAIMS_ON_TOPIC = CypherScript.load("cypher/source/claims-on-topic.cypher").single();

	private static final Hop CLAIMS_BY_SOURCE = Hop.from("Source").in("STATED_BY").to("Claim").orderBy("asOf", "id");

	private static final Hop SOURCE_OF_CLAIM = Hop.from("Claim").out("STATED_BY").to("Source");

	private final GraphReader reader;

	SourceController(GraphReader reader) {
		this.reader = reader;
		reader.nest(NestedField.list("Source", "claims", CLAIMS_BY_SOURCE, Claim::from),
				NestedField.single("Claim", "source", SOURCE_OF_CLAIM, Source::from));
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.of(Source.LABEL, Source::from), EntityKind.of(Claim.LABEL, Claim::from));
	}

	@QueryMapping
	Connection<Source> sources(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Source.LABEL, PageRequest.of(first, after, where, orderBy), Source::from, env);
	}

	@QueryMapping
	List<Claim> claims(@Argument String topic, @Argument String minGrade) {
		Grade minimum = (minGrade == null) ? null : Grade.minimum(minGrade, "minGrade");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("topic", topic);
		parameters.put("minSource", (minimum == null) ? null : minimum.sourceEvaluation());
		parameters.put("minIntelligence", (minimum == null) ? null : minimum.intelligence());
		return reader.list(CLAIMS_ON_TOPIC, parameters, record -> Claim.from(record.get("c").asNode()));
	}

	@BatchMapping
	Map<Source, List<Claim>> claims(List<Source> sources) {
		return reader.children(CLAIMS_BY_SOURCE, sources, Claim::from);
	}

	@BatchMapping
	Map<Claim, Source> source(List<Claim> claims) {
		return reader.child(SOURCE_OF_CLAIM, claims, Source::from);
	}

}
