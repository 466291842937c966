package org.casegraph.grading;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.GraphQLContext;
import org.casegraph.ingest.Exhibit;
import org.casegraph.query.Grade;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Callers;
import org.casegraph.source.Claim;
import org.casegraph.source.Source;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Setting a grade, and the {@code grade} of sources, claims and exhibits. */
@Controller
class GradingController {

	private final Grades grades;

	GradingController(Grades grades) {
		this.grades = grades;
	}

	@MutationMapping
	Object setGrade(@Argument String entityId, @Argument int sourceEvaluation, @Argument String intelligence,
			@Argument String handling, GraphQLContext context) {
		return grades.set(Callers.caller(context::get), Callers.disclosure(context::get), entityId, sourceEvaluation,
				intelligence, handling);
	}

	@BatchMapping(typeName = "Source", field = "grade")
	Map<Source, Grade> sourceGrades(List<Source> sources) {
		return byParent(sources, Source::id);
	}

	@BatchMapping(typeName = "Claim", field = "grade")
	Map<Claim, Grade> claimGrades(List<Claim> claims) {
		return byParent(claims, Claim::id);
	}

	@BatchMapping(typeName = "Exhibit", field = "grade")
	Map<Exhibit, Grade> exhibitGrades(List<Exhibit> exhibits) {
		return byParent(exhibits, Exhibit::id);
	}

	private <P> Map<P, Grade> byParent(List<P> parents, Function<P, String> idOf) {
		return GraphReader.byParent(parents, idOf, grades.of(parents.stream().map(idOf).distinct().toList()));
	}

}
