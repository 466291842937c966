package org.casegraph.allegation;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.organisation.Officer;
import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import org.casegraph.query.GraphReader;
import org.casegraph.query.NestedField;
import org.casegraph.query.Hop;
import org.casegraph.query.PageRequest;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Allegations and the officers they are against.
 */
@Controller
class AllegationController implements EntityKinds {

	private static final Hop AGAINST_OFFICER = Hop.from("Officer")
		.in("AGAINST")
		.to("Allegation")
		.orderBy("reported", "id");

	private static final Hop SUBJECT = Hop.from("Allegation").out("AGAINST").to("Officer");

	private final GraphReader reader;

	AllegationController(GraphReader reader) {
		this.reader = reader;
		reader.nest(NestedField.list("Officer", "allegations", AGAINST_OFFICER, Allegation::from),
				NestedField.single("Allegation", "subject", SUBJECT, Officer::from));
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.of(Allegation.LABEL, Allegation::from));
	}

	@QueryMapping
	Connection<Allegation> allegations(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Allegation.LABEL, PageRequest.of(first, after, where, orderBy), Allegation::from, env);
	}

	@BatchMapping(typeName = "Officer", field = "allegations")
	Map<Officer, List<Allegation>> officerAllegations(List<Officer> officers) {
		return reader.children(AGAINST_OFFICER, officers, Allegation::from);
	}

	@BatchMapping
	Map<Allegation, Officer> subject(List<Allegation> allegations) {
		return reader.child(SUBJECT, allegations, Officer::from);
	}

}
