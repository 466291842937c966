package org.casegraph.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.casegraph.CypherRoundTrips;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

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
		// the page reads memberships, units, stations, allegations, their
		// investigations and sources in its own statement
		assertThat(forFifty).isEqualTo(1);
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

	@Test
	void aPageReadsItsNestedFieldsInOneStatementWithTheSameValuesAsTheirBatchLoads() {
		String selection = """
				id name memberships { id from to role person { name } unit { id name station { id name
				  borough { name stations { name } } units { name } } memberships(asOf: "2016-06-01") { id } } }
				postings { from station { name } } ranks { rank from to } statuses { status from }
				allegations { id category subject { id } investigation { reference operation { name conductedBy { name } } } }
				outcomes { id kind investigation { reference } } sources { label claims { id } }
				""";
		List<Map<String, Object>> paged = new ArrayList<>();
		long pageTrips = acquisitions(() -> paged.addAll(graphQl
			.document("{ officers(first: 100, orderBy: {field: NAME}) { edges { node { " + selection + " } } } }")
			.execute()
			.path("officers.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()));
		// node(id) reads its nested fields in its own statement too, one per officer
		Map<String, Object> byNode = new HashMap<>();
		List<Long> nodeTrips = new ArrayList<>();
		for (int from = 0; from < paged.size(); from += 15) {
			StringBuilder document = new StringBuilder("{");
			int count = Math.min(from + 15, paged.size()) - from;
			for (int i = from; i < from + count; i++) {
				document.append(" o%d: node(id: \"%s\") { ... on Officer { %s } }".formatted(i, paged.get(i).get("id"),
						selection));
			}
			nodeTrips.add(acquisitions(() -> byNode.putAll(graphQl.document(document.append(" }").toString())
				.execute()
				.path("")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get())) - count);
		}
		// an investigation's subjects are no NestedField: below them every field is a
		// batch load, the reads the compiled statements replace
		Map<String, Map<String, Object>> batchLoaded = new HashMap<>();
		graphQl.document("{ investigations(first: 100) { nodes { subjects { " + selection + " } } } }")
			.execute()
			.path("investigations.nodes[*].subjects[*]")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.forEach(subject -> batchLoaded.put((String) subject.get("id"), subject));

		// one statement down to the fourth level; the fifth (a borough's stations) is
		// batch loaded
		assertThat(pageTrips).isEqualTo(2);
		assertThat(nodeTrips).allSatisfy(extra -> assertThat(extra).isEqualTo(1));
		assertThat(paged).hasSizeGreaterThanOrEqualTo(50)
			.anySatisfy(officer -> assertThat((List<?>) officer.get("allegations")).isNotEmpty())
			.anySatisfy(officer -> assertThat((List<?>) officer.get("sources")).isNotEmpty())
			.anySatisfy(officer -> assertThat((List<?>) officer.get("outcomes")).isNotEmpty());
		for (int i = 0; i < paged.size(); i++) {
			assertThat(paged.get(i)).as("officer %s", paged.get(i).get("id")).isEqualTo(byNode.get("o" + i));
		}
		assertThat(batchLoaded).hasSizeGreaterThanOrEqualTo(10);
		Map<Object, Map<String, Object>> pagedById = new HashMap<>();
		paged.forEach(officer -> pagedById.put(officer.get("id"), officer));
		batchLoaded.forEach((id, subject) -> assertThat(pagedById.get(id)).as("subject %s", id).isEqualTo(subject));
	}

	@Test
	void aPageAskedAgainReadsWhatItsIncludedFieldsAskForThisTime() {
		String document = """
				query ($units: Boolean!) { officers(first: 20, orderBy: {field: NAME}) {
				  nodes { id memberships @include(if: $units) { id unit { name } } } } }
				""";
		List<Map<String, Object>> withUnits = new ArrayList<>();
		long[] trips = new long[3];
		trips[0] = acquisitions(() -> graphQl.document(document)
			.variable("units", false)
			.execute()
			.path("officers.nodes[0].memberships")
			.pathDoesNotExist());
		for (int i = 1; i < 3; i++) {
			trips[i] = acquisitions(() -> withUnits.add(graphQl.document(document)
				.variable("units", true)
				.execute()
				.path("officers")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.get()));
		}
		// the same document with the memberships excluded, then included: each time
		// one statement reading what this request's variables include
		assertThat(trips).containsExactly(1, 1, 1);
		assertThat(withUnits.get(1)).isEqualTo(withUnits.get(0));
		assertThat(withUnits.get(0).get("nodes")).asInstanceOf(LIST)
			.hasSize(20)
			.anySatisfy(officer -> assertThat((List<?>) ((Map<?, ?>) officer).get("memberships")).isNotEmpty());
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
