package org.casegraph.network;

import java.util.List;

/**
 * Whose network: people by id, the members of units, the people posted to stations, the
 * members of chat groups, or everyone. Parts add up.
 *
 * @param personIds people
 * @param unitIds units, each counting its members while they were members
 * @param stationIds stations, each counting the people posted there while posted
 * @param chatGroupIds chat groups, each counting its members while they were in it
 * @param all everyone
 */
public record ScopeInput(List<String> personIds, List<String> unitIds, List<String> stationIds,
		List<String> chatGroupIds, Boolean all) {

	static ScopeInput unit(String unitId) {
		return new ScopeInput(List.of(), List.of(unitId), List.of(), List.of(), false);
	}

	static ScopeInput chatGroup(String chatGroupId) {
		return new ScopeInput(List.of(), List.of(), List.of(), List.of(chatGroupId), false);
	}

	static ScopeInput person(String personId) {
		return new ScopeInput(List.of(personId), List.of(), List.of(), List.of(), false);
	}

	List<String> persons() {
		return personIds == null ? List.of() : personIds;
	}

	List<String> units() {
		return unitIds == null ? List.of() : unitIds;
	}

	List<String> stations() {
		return stationIds == null ? List.of() : stationIds;
	}

	List<String> chatGroups() {
		return chatGroupIds == null ? List.of() : chatGroupIds;
	}

	/** The same scope with no null parts: two equal scopes are then equal records. */
	ScopeInput normalized() {
		return new ScopeInput(List.copyOf(persons()), List.copyOf(units()), List.copyOf(stations()),
				List.copyOf(chatGroups()), everyone());
	}

	public boolean everyone() {
		return Boolean.TRUE.equals(all);
	}

	boolean isEmpty() {
		return persons().isEmpty() && units().isEmpty() && stations().isEmpty() && chatGroups().isEmpty()
				&& !everyone();
	}

}
