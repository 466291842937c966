package org.casegraph.organisation;

/**
 * The short batched lookups behind the organisation fields. Each takes {@code $ids}
 * (parent ids) and returns {@code key} (the parent id) and {@code n} (the related node).
 */
final class OrganisationQueries {

	static final String UNIT_MEMBERSHIPS_LOADER = "unitMembershipsLoader";

	static final String MEMBERSHIPS = """
			UNWIND $ids AS key
			MATCH (:Person {id: key})-[:HAS_MEMBERSHIP]->(n:Membership)
			RETURN key, n
			ORDER BY n.from, n.id
			""";

	static final String POSTINGS = """
			UNWIND $ids AS key
			MATCH (:Person {id: key})-[:HAS_POSTING]->(n:Posting)
			RETURN key, n
			ORDER BY n.from, n.id
			""";

	static final String RANKS = """
			UNWIND $ids AS key
			MATCH (:Officer {id: key})-[:HELD_RANK]->(n:RankHeld)
			RETURN key, n
			ORDER BY n.from, n.id
			""";

	static final String STATUSES = """
			UNWIND $ids AS key
			MATCH (:Officer {id: key})-[:HAD_STATUS]->(n:StatusPeriod)
			RETURN key, n
			ORDER BY n.from, n.id
			""";

	static final String MEMBERSHIP_PERSON = """
			UNWIND $ids AS key
			MATCH (:Membership {id: key})<-[:HAS_MEMBERSHIP]-(n:Person)
			RETURN key, n
			""";

	static final String MEMBERSHIP_UNIT = """
			UNWIND $ids AS key
			MATCH (:Membership {id: key})-[:IN_UNIT]->(n:Unit)
			RETURN key, n
			""";

	static final String POSTING_PERSON = """
			UNWIND $ids AS key
			MATCH (:Posting {id: key})<-[:HAS_POSTING]-(n:Person)
			RETURN key, n
			""";

	static final String POSTING_STATION = """
			UNWIND $ids AS key
			MATCH (:Posting {id: key})-[:AT_STATION]->(n:Station)
			RETURN key, n
			""";

	static final String UNIT_STATION = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})-[:BASED_AT]->(n:Station)
			RETURN key, n
			""";

	static final String UNIT_MEMBERSHIPS = """
			UNWIND $ids AS key
			MATCH (:Unit {id: key})<-[:IN_UNIT]-(n:Membership)
			RETURN key, n
			ORDER BY n.from, n.id
			""";

	static final String STATION_BOROUGH = """
			UNWIND $ids AS key
			MATCH (:Station {id: key})-[:IN_BOROUGH]->(n:Borough)
			RETURN key, n
			""";

	static final String STATION_FORCE = """
			UNWIND $ids AS key
			MATCH (:Station {id: key})-[:PART_OF]->(n:Organisation)
			RETURN key, n
			""";

	static final String STATION_UNITS = """
			UNWIND $ids AS key
			MATCH (:Station {id: key})<-[:BASED_AT]-(n:Unit)
			RETURN key, n
			ORDER BY n.name
			""";

	static final String BOROUGH_STATIONS = """
			UNWIND $ids AS key
			MATCH (:Borough {id: key})<-[:IN_BOROUGH]-(n:Station)
			RETURN key, n
			ORDER BY n.name
			""";

	private OrganisationQueries() {
	}

}
