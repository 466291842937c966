package org.casegraph.messaging;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The who-messaged-whom aggregate worked out in memory from messages: whom each message
 * reached (its direct recipients, and its group's members on the day it was sent, never
 * the sender), summed per ordered pair. {@link ContactAggregate} tallies a set of senders
 * at a time from the graph; an offline import tallies a whole bundle.
 */
public final class ContactTally {

	private final Memberships memberships;

	private final Map<ContactAggregate.Pair, ContactAggregate.PairDelta> pairs = new HashMap<>();

	public ContactTally(Memberships memberships) {
		this.memberships = memberships;
	}

	/** Adds one message. */
	public void message(String sender, String group, ZonedDateTime sentAt, String channel,
			Collection<String> recipients) {
		Set<String> reached = new LinkedHashSet<>(recipients);
		memberships.addMembers(group, sentAt, reached);
		reached.remove(sender);
		for (String recipient : reached) {
			pairs.computeIfAbsent(new ContactAggregate.Pair(sender, recipient), ContactAggregate.PairDelta::new)
				.add(channel, sentAt);
		}
	}

	/**
	 * The pairs as the aggregate stores them: {@code sender}, {@code recipient} and the
	 * properties of {@code cypher/aggregate/add-contacts.cypher}.
	 */
	public List<Map<String, Object>> rows() {
		return pairs.values().stream().map(ContactAggregate.PairDelta::row).toList();
	}

	Map<ContactAggregate.Pair, ContactAggregate.PairDelta> pairs() {
		return pairs;
	}

	/** Who belonged to which chat group when; from and to inclusive, either open. */
	public static final class Memberships {

		private final Map<String, List<Member>> byGroup = new HashMap<>();

		public void add(String group, String person, LocalDate from, LocalDate to) {
			byGroup.computeIfAbsent(group, key -> new ArrayList<>()).add(new Member(person, from, to));
		}

		private void addMembers(String group, ZonedDateTime sentAt, Set<String> reached) {
			if (group == null) {
				return;
			}
			for (Member member : byGroup.getOrDefault(group, List.of())) {
				if (sentAt == null || member.on(sentAt.toLocalDate())) {
					reached.add(member.person());
				}
			}
		}

	}

	private record Member(String person, LocalDate from, LocalDate to) {

		boolean on(LocalDate day) {
			return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
		}

	}

}
