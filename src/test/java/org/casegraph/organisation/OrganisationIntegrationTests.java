package org.casegraph.organisation;

import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.casegraph.CypherRoundTrips;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers, units and stations through GraphQL, and what their nested fields cost in
 * Cypher round trips.
 */
class OrganisationIntegrationTests extends EmbeddedGraphTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	CypherRoundTrips roundTrips;

	@Test
	void theImpactTeamWorksFromCharingCrossWithItsMembersOverTime() {
		var all = graphQl.documentName("impactTeam").execute();
		all.path("units.nodes[0].station.name").entity(String.class).isEqualTo("Charing Cross police station");
		all.path("units.nodes[0].station.borough.name").entity(String.class).isEqualTo("Westminster");
		all.path("units.nodes[0].sources[*].label").entityList(String.class).containsExactly("S1", "S2", "S3", "S5");
		List<String> everyone = all.path("units.nodes[0].memberships[*].person.name").entityList(String.class).get();

		List<String> in2016 = graphQl.documentName("impactTeam")
			.variable("asOf", "2016-01-15")
			.execute()
			.path("units.nodes[0].memberships[*].person.name")
			.entityList(String.class)
			.get();
		List<String> in2018 = graphQl.documentName("impactTeam")
			.variable("asOf", "2018-01-15")
			.execute()
			.path("units.nodes[0].memberships[*].person.name")
			.entityList(String.class)
			.get();
		List<String> afterRestructure = graphQl.documentName("impactTeam")
			.variable("asOf", "2019-01-15")
			.execute()
			.path("units.nodes[0].memberships[*].person.name")
			.entityList(String.class)
			.get();

		assertThat(everyone).contains("Officer A", "Officer L", "Officer N").doesNotContain("Officer M");
		assertThat(in2016).contains("Officer A", "Officer L", "Officer G").doesNotContain("Officer N");
		assertThat(in2018).contains("Officer A", "Officer N").doesNotContain("Officer L", "Officer G");
		assertThat(afterRestructure).isEmpty();
		assertThat(everyone).containsAll(in2016).containsAll(in2018);
	}

	@Test
	void officersCarryRankAndStatusHistories() {
		var officer = graphQl
			.document(
					"""
							{ node(id: "officer:j") { ... on Officer {
							    name rank status ranks { rank from to } statuses { status } accounts { kind handle person { name } } } } }
							""")
			.execute();
		officer.path("node.name").entity(String.class).isEqualTo("Officer J");
		officer.path("node.ranks[*].rank").entityList(String.class).containsExactly("PC", "PS");
		officer.path("node.statuses[*].status")
			.entityList(String.class)
			.containsExactly("SERVING", "RESTRICTED_DUTIES", "SERVING");
		officer.path("node.accounts[0].kind").entity(String.class).isEqualTo("PHONE");
		officer.path("node.accounts[0].handle")
			.entity(String.class)
			.satisfies(h -> assertThat(h).startsWith("+44 7700 900"));
		officer.path("node.accounts[0].person.name").entity(String.class).isEqualTo("Officer J");
	}

	@Test
	void aPageOfFiftyOfficersWithUnitsAllegationsAndSourcesCostsAFixedNumberOfRoundTrips() {
		long forFive = roundTrips(5);
		long forFifty = roundTrips(50);
		assertThat(forFifty).isEqualTo(forFive);
		// officers, then memberships + allegations + sources, then units +
		// investigations, then stations
		assertThat(forFifty).isEqualTo(7);
	}

	@Test
	void totalCountCostsAQueryOnlyWhenSelected() {
		long without = acquisitions(() -> graphQl.document("{ officers(first: 5) { nodes { id } } }").execute());
		long with = acquisitions(() -> graphQl.document("{ officers(first: 5) { totalCount nodes { id } } }")
			.execute()
			.path("officers.totalCount")
			.entity(Integer.class)
			.satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(50)));
		assertThat(without).isEqualTo(1);
		assertThat(with).isEqualTo(2);
	}

	private long roundTrips(int first) {
		return acquisitions(() -> graphQl.documentName("officersWithRelations")
			.variable("first", first)
			.execute()
			.path("officers.nodes")
			.entityList(Map.class)
			.hasSize(first));
	}

	private long acquisitions(Runnable request) {
		return roundTrips.during(request);
	}

}
