package org.casegraph.network;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.casegraph.EmbeddedGraphTests;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.network.ContactNetwork.PairCount;
import org.casegraph.network.ContactNetwork.Window;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's contact network read from the aggregate per unit is the one counted from the
 * CONTACTED months and the messages of the months a membership cuts through: for every
 * unit of the reference case, all time and over windows that cut months, with and without
 * the people outside.
 */
class UnitContactsIntegrationTests extends EmbeddedGraphTests {

	private static final List<Window> WINDOWS = List.of(Window.ALL,
			new Window(OffsetDateTime.parse("2016-03-10T08:30:00Z"), OffsetDateTime.parse("2017-02-20T17:00:00Z")),
			new Window(OffsetDateTime.parse("2016-07-01T00:00:00+01:00"), null),
			new Window(null, OffsetDateTime.parse("2016-11-15T12:00:00Z")));

	@Autowired
	ReadOnlyCypher cypher;

	@Autowired
	Scopes scopes;

	@Autowired
	ContactNetwork network;

	@Test
	void everyUnitsPairsAreTheOnesCountedFromMessages() {
		List<String> units = cypher.list("MATCH (u:Unit) RETURN u.id AS id ORDER BY id", Map.of(),
				record -> record.get("id").asString());
		assertThat(units).hasSize(3);
		long compared = 0;
		for (String unit : units) {
			for (Window window : WINDOWS) {
				for (boolean outside : List.of(false, true)) {
					List<PairCount> fromUnit = pairs(unit, unit, window, outside);
					assertThat(fromUnit).as("%s, %s, outside %s", unit, window, outside)
						.isEqualTo(pairs(unit, null, window, outside));
					compared += fromUnit.size();
				}
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

	@Test
	void aUnitsWholeHistoryIsOneReadEvenWhereMembershipsCutItsPairs() {
		String unit = cypher.list("""
				MATCH (n:UnitContacts), (a:Entity {id: n.sender})-[c:CONTACTED]->(b:Entity {id: n.recipient})
				WHERE n.count < c.count
				RETURN n.unit AS unit, count(*) AS cut
				ORDER BY cut DESC, unit
				LIMIT 1
				""", Map.of(), record -> record.get("unit").asString()).getFirst();

		assertThat(statementsToCount(unit, unit)).as("the pairs, no messages").isEqualTo(1);
	}

	private int statementsToCount(String unit, String asUnit) {
		return cypher.read(statements -> {
			Scopes.Scope scope = scope(statements, unit, Window.ALL);
			int before = statements.executed().size();
			network.contacts(statements, scope, asUnit, Window.ALL, false, true);
			return statements.executed().size() - before;
		});
	}

	private List<PairCount> pairs(String unit, String asUnit, Window window, boolean outside) {
		return cypher.read(statements -> network
			.contacts(statements, scope(statements, unit, window), asUnit, window, outside, true)
			.pairs()
			.stream()
			.sorted(Comparator.comparing(PairCount::sender).thenComparing(PairCount::recipient))
			.toList());
	}

	private Scopes.Scope scope(ReadOnlyCypher.Statements statements, String unit, Window window) {
		return scopes.resolve(statements, "scope", ScopeInput.unit(unit)).during(window.firstDay(), window.lastDay());
	}

}
