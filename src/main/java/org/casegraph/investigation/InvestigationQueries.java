package org.casegraph.investigation;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Hop;

/**
 * The short batched lookups behind the investigation fields. Each takes {@code $ids}
 * (parent ids) and returns {@code key} (the parent id) and {@code n} (the related node).
 */
final class InvestigationQueries {

	static final String OPERATION_CLAIMS_LOADER = "operationClaimsLoader";

	static final Hop OPERATION = Hop.from("Investigation").out("PART_OF").to("Operation");

	static final String LINKS = CypherScript.load("cypher/investigation/links.cypher").single();

	static final Hop ALLEGATIONS = Hop.from("Investigation").out("EXAMINES").to("Allegation").orderBy("reported", "id");

	static final String SUBJECTS = CypherScript.load("cypher/investigation/subjects.cypher").single();

	static final Hop OUTCOMES = Hop.from("Investigation").out("RESULTED_IN").to("Outcome").orderBy("date", "id");

	static final Hop ALLEGATION_INVESTIGATION = Hop.from("Allegation").in("EXAMINES").to("Investigation");

	static final Hop CONDUCTED_BY = Hop.from("Operation").out("CONDUCTED_BY").to("Organisation");

	static final Hop OPERATION_INVESTIGATIONS = Hop.from("Operation")
		.in("PART_OF")
		.to("Investigation")
		.orderBy("reference");

	static final Hop RECOMMENDATIONS = Hop.from("Operation").out("MADE").to("Recommendation").orderBy("number");

	static final Hop OPERATION_CLAIMS = Hop.from("Operation").in("ABOUT").to("Claim").orderBy("topic", "asOf", "id");

	static final Hop OFFICER_OUTCOMES = Hop.from("Officer").in("FOR").to("Outcome").orderBy("date", "id");

	static final Hop OUTCOME_OFFICER = Hop.from("Outcome").out("FOR").to("Officer");

	static final Hop OUTCOME_INVESTIGATION = Hop.from("Outcome").in("RESULTED_IN").to("Investigation");

	static final Hop RESPONSE = Hop.from("Recommendation").out("HAS_RESPONSE").to("Response");

	static final Hop RESPONDENT = Hop.from("Response").out("BY").to("Organisation");

	private InvestigationQueries() {
	}

}
