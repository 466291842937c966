package org.casegraph.organisation;

import org.casegraph.query.Hop;

/**
 * The short batched lookups behind the organisation fields. Each takes {@code $ids}
 * (parent ids) and returns {@code key} (the parent id) and {@code n} (the related node).
 */
final class OrganisationQueries {

	static final String UNIT_MEMBERSHIPS_LOADER = "unitMembershipsLoader";

	static final String MEMBERSHIPS = Hop.from("Person")
		.out("HAS_MEMBERSHIP")
		.to("Membership")
		.orderBy("from", "id")
		.cypher();

	static final String POSTINGS = Hop.from("Person").out("HAS_POSTING").to("Posting").orderBy("from", "id").cypher();

	static final String RANKS = Hop.from("Officer").out("HELD_RANK").to("RankHeld").orderBy("from", "id").cypher();

	static final String STATUSES = Hop.from("Officer")
		.out("HAD_STATUS")
		.to("StatusPeriod")
		.orderBy("from", "id")
		.cypher();

	static final String MEMBERSHIP_PERSON = Hop.from("Membership").in("HAS_MEMBERSHIP").to("Person").cypher();

	static final String MEMBERSHIP_UNIT = Hop.from("Membership").out("IN_UNIT").to("Unit").cypher();

	static final String POSTING_PERSON = Hop.from("Posting").in("HAS_POSTING").to("Person").cypher();

	static final String POSTING_STATION = Hop.from("Posting").out("AT_STATION").to("Station").cypher();

	static final String UNIT_STATION = Hop.from("Unit").out("BASED_AT").to("Station").cypher();

	static final String UNIT_MEMBERSHIPS = Hop.from("Unit")
		.in("IN_UNIT")
		.to("Membership")
		.orderBy("from", "id")
		.cypher();

	static final String STATION_BOROUGH = Hop.from("Station").out("IN_BOROUGH").to("Borough").cypher();

	static final String STATION_FORCE = Hop.from("Station").out("PART_OF").to("Organisation").cypher();

	static final String STATION_UNITS = Hop.from("Station").in("BASED_AT").to("Unit").orderBy("name").cypher();

	static final String BOROUGH_STATIONS = Hop.from("Borough").in("IN_BOROUGH").to("Station").orderBy("name").cypher();

	private OrganisationQueries() {
	}

}
