package org.casegraph.investigation;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Hop;

/**
 * The short batched lookups behind the investigation fields. Each takes {@code $ids}
 * (parent ids) and returns {@code key} (the parent id) and {@code n} (the related node).
 */
final class InvestigationQueries {

	static final String OPERATION_CLAIMS_LOADER = "operationClaimsLoader";

	static final String OPERATION = Hop.from("Investigation").out("PART_OF").to("Operation").cypher();

	static final String LINKS = CypherScript.load("cypher/investigation/links.cypher").single();

	static final String ALLEGATIONS = Hop.from("Investigation")
		.out("EXAMINES")
		.to("Allegation")
		.orderBy("reported", "id")
		.cypher();

	static final String SUBJECTS = CypherScript.load("cypher/investigation/subjects.cypher").single();

	static final String OUTCOMES = Hop.from("Investigation")
		.out("RESULTED_IN")
		.to("Outcome")
		.orderBy("date", "id")
		.cypher();

	static final String ALLEGATION_INVESTIGATION = Hop.from("Allegation").in("EXAMINES").to("Investigation").cypher();

	static final String CONDUCTED_BY = Hop.from("Operation").out("CONDUCTED_BY").to("Organisation").cypher();

	static final String OPERATION_INVESTIGATIONS = Hop.from("Operation")
		.in("PART_OF")
		.to("Investigation")
		.orderBy("reference")
		.cypher();

	static final String RECOMMENDATIONS = Hop.from("Operation")
		.out("MADE")
		.to("Recommendation")
		.orderBy("number")
		.cypher();

	static final String OPERATION_CLAIMS = Hop.from("Operation")
		.in("ABOUT")
		.to("Claim")
		.orderBy("topic", "asOf", "id")
		.cypher();

	static final String OFFICER_OUTCOMES = Hop.from("Officer").in("FOR").to("Outcome").orderBy("date", "id").cypher();

	static final String OUTCOME_OFFICER = Hop.from("Outcome").out("FOR").to("Officer").cypher();

	static final String OUTCOME_INVESTIGATION = Hop.from("Outcome").in("RESULTED_IN").to("Investigation").cypher();

	static final String RESPONSE = Hop.from("Recommendation").out("HAS_RESPONSE").to("Response").cypher();

	static final String RESPONDENT = Hop.from("Response").out("BY").to("Organisation").cypher();

	private InvestigationQueries() {
	}

}
