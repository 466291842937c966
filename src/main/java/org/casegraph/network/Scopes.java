package org.casegraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Limits;
import org.casegraph.query.Values;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Resolves a {@link ScopeInput} to the people in it and when each belonged, refusing ids
 * that are unknown or of the wrong kind.
 */
@Component
public class Scopes {

	private final String members = CypherScript.load("cypher/network/scope-members.cypher").single();

	private final Limits limits;

	Scopes(Limits limits) {
		this.limits = limits;
	}

	Scope resolve(Statements statements, String argument, ScopeInput input) {
		return resolve(statements, argument, input, true);
	}

	/**
	 * The people in a scope; {@code asNodes} when they become nodes of a network, held to
	 * {@code casegraph.limits.graph-nodes}.
	 */
	public Scope resolve(Statements statements, String argument, ScopeInput input, boolean asNodes) {
		if (input == null || input.isEmpty()) {
			throw new BadRequestException("Argument '" + argument
					+ "': give at least one of personIds, unitIds, stationIds, chatGroupIds or all: true");
		}
		Map<String, Object> parameters = Map.of("refs", refs(input), "personIds", input.persons(), "unitIds",
				input.units(), "stationIds", input.stations(), "chatGroupIds", input.chatGroups(), "all",
				input.everyone());
		Record found = statements.run(members, parameters).getFirst();
		requireKnown(argument, found.get("unknown"));
		Map<String, org.neo4j.driver.types.Node> people = new LinkedHashMap<>();
		Map<String, Periods> periods = new LinkedHashMap<>();
		for (Value member : found.get("members").values()) {
			org.neo4j.driver.types.Node person = member.get("p").asNode();
			String id = person.get("id").asString();
			people.put(id, person);
			periods.put(id, Periods.of(member.get("periods").asList(Scopes::period)));
		}
		if (asNodes && people.size() > limits.graphNodes()) {
			throw new LimitExceededException("casegraph.limits.graph-nodes", limits.graphNodes(),
					"Argument '%s' holds %d people; a network may hold at most %d nodes (casegraph.limits.graph-nodes)"
						.formatted(argument, people.size(), limits.graphNodes()));
		}
		return new Scope(people, periods);
	}

	/** Every id the scope names, with the label it must have. */
	private static List<Map<String, Object>> refs(ScopeInput input) {
		List<Map<String, Object>> refs = new ArrayList<>();
		input.persons().forEach(id -> refs.add(Map.of("field", "personIds", "id", id, "label", "Person")));
		input.units().forEach(id -> refs.add(Map.of("field", "unitIds", "id", id, "label", "Unit")));
		input.stations().forEach(id -> refs.add(Map.of("field", "stationIds", "id", id, "label", "Station")));
		input.chatGroups().forEach(id -> refs.add(Map.of("field", "chatGroupIds", "id", id, "label", "ChatGroup")));
		return refs;
	}

	private static void requireKnown(String argument, Value unknown) {
		if (unknown.isEmpty()) {
			return;
		}
		Value first = unknown.get(0);
		throw new BadRequestException("Argument '%s.%s': no %s has id '%s'".formatted(argument,
				first.get("field").asString(), label(first.get("field").asString()), first.get("id").asString()));
	}

	private static String label(String field) {
		return switch (field) {
			case "personIds" -> "person";
			case "unitIds" -> "unit";
			case "stationIds" -> "station";
			default -> "chat group";
		};
	}

	private static Periods.Period period(Value value) {
		return Periods.period(Values.date(value, "from"), Values.date(value, "to"));
	}

	/**
	 * The people in a scope.
	 *
	 * @param people their nodes by id, in id order (empty when only ids are known)
	 * @param periods when each belonged to the scope
	 */
	public record Scope(Map<String, org.neo4j.driver.types.Node> people, Map<String, Periods> periods) {

		/** People by id, in scope at all times, without their nodes. */
		static Scope always(Collection<String> ids) {
			Map<String, Periods> periods = new LinkedHashMap<>();
			ids.forEach(id -> periods.put(id, Periods.ALWAYS));
			return new Scope(Map.of(), periods);
		}

		/**
		 * Only the people who belonged at some time between two days (null for no bound).
		 */
		public Scope during(LocalDate from, LocalDate to) {
			LocalDate first = from == null ? LocalDate.MIN : from;
			LocalDate last = to == null ? LocalDate.MAX : to;
			Map<String, org.neo4j.driver.types.Node> kept = new LinkedHashMap<>();
			Map<String, Periods> keptPeriods = new LinkedHashMap<>();
			periods.forEach((id, belonged) -> {
				if (belonged.overlaps(first, last)) {
					keptPeriods.put(id, belonged);
					if (people.containsKey(id)) {
						kept.put(id, people.get(id));
					}
				}
			});
			return new Scope(kept, keptPeriods);
		}

		/**
		 * Whether everyone in it belongs at all times (no dated memberships to cut by).
		 */
		boolean always() {
			return periods.values().stream().allMatch(Periods::always);
		}

		List<String> ids() {
			return List.copyOf(periods.keySet());
		}

		public Periods periodsOf(String personId) {
			return periods.getOrDefault(personId, Periods.ALWAYS);
		}

		public boolean contains(String personId) {
			return periods.containsKey(personId);
		}

		/**
		 * Whether someone belonged to the scope on a day (at any time, when the day is
		 * not known): what they sent or were alleged to have done then counts as the
		 * scope's.
		 */
		public boolean belonged(String personId, LocalDate day) {
			return contains(personId) && (day == null || periodsOf(personId).contains(day));
		}

	}

}
