package org.casegraph.organisation;

import org.casegraph.query.Hop;

/**
 * The relationships behind the organisation fields: each walked by one batched lookup for
 * many parents, or read inside a page's statement.
 */
final class OrganisationQueries {

	static final String UNIT_MEMBERSHIPS_LOADER = "unitMembershipsLoader";

	static final Hop MEMBERSHIPS = Hop.from("Person").out("HAS_MEMBERSHIP").to("Membership").orderBy("from", "id");

	static final Hop POSTINGS = Hop.from("Person").out("HAS_POSTING").to("Posting").orderBy("from", "id");

	static final Hop RANKS = Hop.from("Officer").out("HELD_RANK").to("RankHeld").orderBy("from", "id");

	static final Hop STATUSES = Hop.from("Officer").out("HAD_STATUS").to("StatusPeriod").orderBy("from", "id");

	static final Hop MEMBERSHIP_PERSON = Hop.from("Membership").in("HAS_MEMBERSHIP").to("Person");

	static final Hop MEMBERSHIP_UNIT = Hop.from("Membership").out("IN_UNIT").to("Unit");

	static final Hop POSTING_PERSON = Hop.from("Posting").in("HAS_POSTING").to("Person");

	static final Hop POSTING_STATION = Hop.from("Posting").out("AT_STATION").to("Station");

	static final Hop UNIT_STATION = Hop.from("Unit").out("BASED_AT").to("Station");

	static final Hop UNIT_MEMBERSHIPS = Hop.from("Unit").in("IN_UNIT").to("Membership").orderBy("from", "id");

	static final Hop STATION_BOROUGH = Hop.from("Station").out("IN_BOROUGH").to("Borough");

	static final Hop STATION_FORCE = Hop.from("Station").out("PART_OF").to("Organisation");

	static final Hop STATION_UNITS = Hop.from("Station").in("BASED_AT").to("Unit").orderBy("name");

	static final Hop BOROUGH_STATIONS = Hop.from("Borough").in("IN_BOROUGH").to("Station").orderBy("name");

	private OrganisationQueries() {
	}

}
