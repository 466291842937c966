package org.casegraph.messaging;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The who-messaged-whom aggregate worked out in memory from messages: whom each message
 * reached (its direct recipients, and its group's members on the day it was sent, never
 * the sender), summed per ordered pair, and per unit for the pairs who were both members
 * of it on the day. {@link ContactAggregate} tallies a set of senders at a time from the
 * graph; an offline import tallies a whole bundle.
 */
public final class ContactTally {

	private final Memberships memberships;

	private final UnitMemberships units;

	private final Map<ContactAggregate.Pair, ContactAggregate.PairDelta> pairs = new HashMap<>();

	private final Map<UnitPair, ContactAggregate.PairDelta> unitPairs = new HashMap<>();

	/**
	 * The last message's sender, and whom that sender reached so far: messages come
	 * mostly a sender at a time, so that a message's pairs are looked up in this small
	 * map rather than among every pair.
	 */
	private String sender;

	private Map<String, Reached> reachedBySender;

	public ContactTally(Memberships memberships, UnitMemberships units) {
		this.memberships = memberships;
		this.units = units;
	}

	/** Adds one message. */
	public void message(String sender, String group, ZonedDateTime sentAt, String channel,
			Collection<String> recipients) {
		Set<String> reached = new LinkedHashSet<>(recipients);
		memberships.addMembers(group, sentAt, reached);
		reached.remove(sender);
		// The sender's units on the day, once a message: most have none or
		// one, and a group post reaches dozens.
		List<String> sendersUnits = units.of(sender, sentAt);
		Map<String, Reached> bySender = reachedBy(sender);
		Moment moment = Moment.of(sentAt);
		for (String recipient : reached) {
			Reached pair = bySender.computeIfAbsent(recipient, key -> new Reached(
					pairs.computeIfAbsent(new ContactAggregate.Pair(sender, key), ContactAggregate.PairDelta::new)));
			pair.all.add(channel, moment);
			for (String unit : sendersUnits) {
				if (units.member(recipient, unit, sentAt)) {
					pair.inUnit(unit, unitPairs).add(channel, moment);
				}
			}
		}
	}

	private Map<String, Reached> reachedBy(String sender) {
		if (!sender.equals(this.sender)) {
			this.sender = sender;
			reachedBySender = new HashMap<>();
		}
		return reachedBySender;
	}

	/**
	 * The pairs as the aggregate stores them: {@code sender}, {@code recipient} and the
	 * properties of {@code cypher/aggregate/add-contacts.cypher}.
	 */
	public List<Map<String, Object>> rows() {
		return pairs.values().stream().map(ContactAggregate.PairDelta::row).toList();
	}

	/**
	 * Each pair's row, the pair forgotten as its row is read, so that a whole bundle's
	 * pairs are never held twice (once counted, once as rows). Read on one thread at a
	 * time, once no message is added any more.
	 */
	public Stream<Map<String, Object>> drainRows() {
		return drain(pairs.values(), ContactAggregate.PairDelta::row);
	}

	/** As {@link #drainRows}, for the pairs per unit of {@link #unitRows}. */
	public Stream<Map<String, Object>> drainUnitRows() {
		return drain(unitPairs.entrySet(), entry -> entry.getKey().row(entry.getValue()));
	}

	private <T> Stream<Map<String, Object>> drain(Collection<T> counted, Function<T, Map<String, Object>> row) {
		// A message after this must not count into a pair handed on: with no last sender,
		// the next message starts a new map.
		sender = null;
		Iterator<T> each = counted.iterator();
		Iterator<Map<String, Object>> rows = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return each.hasNext();
			}

			@Override
			public Map<String, Object> next() {
				Map<String, Object> next = row.apply(each.next());
				each.remove();
				return next;
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
	}

	Map<ContactAggregate.Pair, ContactAggregate.PairDelta> pairs() {
		return pairs;
	}

	/**
	 * The pairs per unit as {@code cypher/aggregate/add-unit-contacts.cypher} writes
	 * them: {@code id}, {@code unit}, {@code sender}, {@code recipient} and the pair's
	 * properties.
	 */
	public List<Map<String, Object>> unitRows() {
		return unitPairs.entrySet().stream().map(entry -> entry.getKey().row(entry.getValue())).toList();
	}

	Map<UnitPair, ContactAggregate.PairDelta> unitPairs() {
		return unitPairs;
	}

	/** One sender's pair, over all and within each unit. */
	private static final class Reached {

		private final ContactAggregate.PairDelta all;

		private Map<String, ContactAggregate.PairDelta> byUnit;

		Reached(ContactAggregate.PairDelta all) {
			this.all = all;
		}

		ContactAggregate.PairDelta inUnit(String unit, Map<UnitPair, ContactAggregate.PairDelta> unitPairs) {
			if (byUnit == null) {
				byUnit = new HashMap<>(4);
			}
			return byUnit.computeIfAbsent(unit, key -> unitPairs.computeIfAbsent(new UnitPair(key, all.pair()),
					pair -> new ContactAggregate.PairDelta(all.pair())));
		}

	}

	/**
	 * One ordered pair within one unit: the messages the sender sent that reached the
	 * recipient while both were members.
	 */
	record UnitPair(String unit, ContactAggregate.Pair pair) {

		/**
		 * The node id: the three ids apart by the ASCII unit separator, a control
		 * character, so that two triples share an id only if an id holds one.
		 */
		static String id(String unit, String sender, String recipient) {
			return String.join("\u001f", unit, sender, recipient);
		}

		Map<String, Object> row(ContactAggregate.PairDelta delta) {
			Map<String, Object> row = delta.row();
			row.put("id", id(unit, pair.sender(), pair.recipient()));
			row.put("unit", unit);
			return row;
		}

	}

	/**
	 * Who was a member of which unit when; from and to inclusive, either open. A message
	 * without a time counts within a unit only for two people who were members at all
	 * times.
	 */
	public static final class UnitMemberships {

		private final Map<String, Map<String, List<Member>>> byPerson = new HashMap<>();

		public void add(String unit, String person, LocalDate from, LocalDate to) {
			byPerson.computeIfAbsent(person, key -> new HashMap<>())
				.computeIfAbsent(unit, key -> new ArrayList<>())
				.add(new Member(person, from, to));
		}

		/** The units someone was a member of when a message was sent. */
		private List<String> of(String person, ZonedDateTime sentAt) {
			Map<String, List<Member>> ofPerson = byPerson.get(person);
			if (ofPerson == null) {
				return List.of();
			}
			List<String> units = new ArrayList<>(1);
			for (var entry : ofPerson.entrySet()) {
				if (member(entry.getValue(), sentAt)) {
					units.add(entry.getKey());
				}
			}
			return units;
		}

		/** Whether someone was a member of a unit when a message was sent. */
		private boolean member(String person, String unit, ZonedDateTime sentAt) {
			Map<String, List<Member>> ofPerson = byPerson.get(person);
			List<Member> stints = (ofPerson == null) ? null : ofPerson.get(unit);
			return stints != null && member(stints, sentAt);
		}

		private static boolean member(List<Member> stints, ZonedDateTime sentAt) {
			if (sentAt == null) {
				return always(stints);
			}
			LocalDate day = sentAt.toLocalDate();
			for (Member stint : stints) {
				if (stint.on(day)) {
					return true;
				}
			}
			return false;
		}

		/** Whether the stints, joined, leave no day out. */
		private static boolean always(List<Member> stints) {
			List<Member> sorted = stints.stream()
				.sorted(Comparator.comparing(Member::from, Comparator.nullsFirst(Comparator.naturalOrder())))
				.toList();
			if (sorted.getFirst().from() != null) {
				return false;
			}
			LocalDate reached = sorted.getFirst().to();
			for (Member next : sorted) {
				if (reached == null) {
					return true;
				}
				if (next.from() != null && next.from().isAfter(reached.plusDays(1))) {
					return false;
				}
				reached = (next.to() == null || next.to().isAfter(reached)) ? next.to() : reached;
			}
			return reached == null;
		}

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
