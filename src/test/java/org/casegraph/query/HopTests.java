package org.casegraph.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One-hop lookups described, and the Cypher they stand for. */
class HopTests {

	@Test
	void anOutgoingHopOrderedByTwoProperties() {
		assertThat(Hop.from("Person").out("HAS_MEMBERSHIP").to("Membership").orderBy("from", "id").cypher())
			.isEqualTo("UNWIND $ids AS key MATCH (:`Person` {id: key})-[:`HAS_MEMBERSHIP`]->(n:`Membership`) "
					+ "RETURN key, n ORDER BY n.from ASC, n.id ASC");
	}

	@Test
	void anIncomingHopInNoParticularOrder() {
		assertThat(Hop.from("Unit").in("IN_UNIT").to("Membership").cypher())
			.isEqualTo("UNWIND $ids AS key MATCH (:`Unit` {id: key})<-[:`IN_UNIT`]-(n:`Membership`) RETURN key, n");
	}

}
