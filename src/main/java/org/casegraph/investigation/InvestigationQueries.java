package org.casegraph.investigation;

/**
 * The short batched lookups behind the investigation fields. Each takes {@code $ids}
 * (parent ids) and returns {@code key} (the parent id) and {@code n} (the related node).
 */
final class InvestigationQueries {

	static final String OPERATION_CLAIMS_LOADER = "operationClaimsLoader";

	static final String OPERATION = """
			UNWIND $ids AS key
			MATCH (:Investigation {id: key})-[:PART_OF]->(n:Operation)
			RETURN key, n
			""";

	static final String LINKS = """
			UNWIND $ids AS key
			MATCH (:Investigation {id: key})-[l:LINKED_TO]-(n:Investigation)
			RETURN key, l.reason AS reason, n
			ORDER BY n.reference, reason
			""";

	static final String ALLEGATIONS = """
			UNWIND $ids AS key
			MATCH (:Investigation {id: key})-[:EXAMINES]->(n:Allegation)
			RETURN key, n
			ORDER BY n.reported, n.id
			""";

	static final String SUBJECTS = """
			UNWIND $ids AS key
			MATCH (:Investigation {id: key})-[:EXAMINES]->(:Allegation)-[:AGAINST]->(n:Officer)
			WITH DISTINCT key, n
			RETURN key, n
			ORDER BY n.name
			""";

	static final String OUTCOMES = """
			UNWIND $ids AS key
			MATCH (:Investigation {id: key})-[:RESULTED_IN]->(n:Outcome)
			RETURN key, n
			ORDER BY n.date, n.id
			""";

	static final String ALLEGATION_INVESTIGATION = """
			UNWIND $ids AS key
			MATCH (:Allegation {id: key})<-[:EXAMINES]-(n:Investigation)
			RETURN key, n
			""";

	static final String CONDUCTED_BY = """
			UNWIND $ids AS key
			MATCH (:Operation {id: key})-[:CONDUCTED_BY]->(n:Organisation)
			RETURN key, n
			""";

	static final String OPERATION_INVESTIGATIONS = """
			UNWIND $ids AS key
			MATCH (:Operation {id: key})<-[:PART_OF]-(n:Investigation)
			RETURN key, n
			ORDER BY n.reference
			""";

	static final String RECOMMENDATIONS = """
			UNWIND $ids AS key
			MATCH (:Operation {id: key})-[:MADE]->(n:Recommendation)
			RETURN key, n
			ORDER BY n.number
			""";

	static final String OPERATION_CLAIMS = """
			UNWIND $ids AS key
			MATCH (:Operation {id: key})<-[:ABOUT]-(n:Claim)
			RETURN key, n
			ORDER BY n.topic, n.asOf, n.id
			""";

	static final String OFFICER_OUTCOMES = """
			UNWIND $ids AS key
			MATCH (:Officer {id: key})<-[:FOR]-(n:Outcome)
			RETURN key, n
			ORDER BY n.date, n.id
			""";

	static final String OUTCOME_OFFICER = """
			UNWIND $ids AS key
			MATCH (:Outcome {id: key})-[:FOR]->(n:Officer)
			RETURN key, n
			""";

	static final String OUTCOME_INVESTIGATION = """
			UNWIND $ids AS key
			MATCH (:Outcome {id: key})<-[:RESULTED_IN]-(n:Investigation)
			RETURN key, n
			""";

	static final String RESPONSE = """
			UNWIND $ids AS key
			MATCH (:Recommendation {id: key})-[:HAS_RESPONSE]->(n:Response)
			RETURN key, n
			""";

	static final String RESPONDENT = """
			UNWIND $ids AS key
			MATCH (:Response {id: key})-[:BY]->(n:Organisation)
			RETURN key, n
			""";

	private InvestigationQueries() {
	}

}
