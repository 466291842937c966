package org.casegraph.messaging;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.PackedInstant;

import org.springframework.stereotype.Component;

/**
 * The who-messaged-whom aggregate: one {@code -[:CONTACTED]->} per ordered pair of people
 * (or accounts not tied to a person) with the message count, first and last contact, a
 * count per channel, and per calendar month (parallel arrays {@code months},
 * {@code monthCounts}, {@code monthFirst}, {@code monthLast}, the last two as
 * {@link PackedInstant}s), so that contact queries never scan messages. Beside it, the
 * same per unit ({@code (:UnitContacts {unit, sender, recipient, ...})}): a pair's
 * messages sent while both were members of the unit, so that a unit's exact network is
 * one read.
 * <p>
 * New messages carry the {@code PendingContacts} label until counted. Counting goes by
 * sender, since a pair belongs to its sender: each transaction takes a set of senders,
 * reads their pending messages with their recipients and groups, works out whom each
 * message reached (direct recipients, and the group's members on the day), merges that
 * with what the senders' pairs held, writes each pair once and clears the label of the
 * messages it counted. Killed part-way, the next count resumes with the senders left.
 * {@link #check()} recomputes the whole aggregate from the messages and reports any
 * difference.
 */
@Component
public class ContactAggregate {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContactAggregate.class);

	/** Pair rows or message ids per write statement. */
	private static final int ROWS_PER_STATEMENT = 10_000;

	private static final String DELETE_SOME = CypherScript.load("cypher/aggregate/delete-some.cypher").single();

	private static final String DELETE_SOME_ACTIVITY = CypherScript.load("cypher/aggregate/delete-some-activity.cypher")
		.single();

	private static final String DELETE_SOME_UNIT_CONTACTS = CypherScript
		.load("cypher/aggregate/delete-some-unit-contacts.cypher")
		.single();

	private static final String REBUILD_STARTED = "MERGE (:AggregateRebuild {id: 'contacts'})";

	private static final String REBUILD_FINISHED = "MATCH (r:AggregateRebuild {id: 'contacts'}) DELETE r";

	private final BulkCypher cypher;

	private final AggregateSettings settings;

	private final String pendingSenders = CypherScript.load("cypher/aggregate/pending-senders.cypher").single();

	private final String allSenders = CypherScript.load("cypher/aggregate/all-senders.cypher").single();

	private final String groupMembers = CypherScript.load("cypher/aggregate/group-members.cypher").single();

	private final String unitMembers = CypherScript.load("cypher/aggregate/unit-members.cypher").single();

	private final String messagesOfSenders = CypherScript.load("cypher/aggregate/messages-of-senders.cypher").single();

	private final String storedContactsOfSenders = CypherScript
		.load("cypher/aggregate/stored-contacts-of-senders.cypher")
		.single();

	private final String addContacts = CypherScript.load("cypher/aggregate/add-contacts.cypher").single();

	private final String storedUnitContactsOfSenders = CypherScript
		.load("cypher/aggregate/stored-unit-contacts-of-senders.cypher")
		.single();

	private final String addUnitContacts = CypherScript.load("cypher/aggregate/add-unit-contacts.cypher").single();

	private final String deleteUnitContactsOf = CypherScript.load("cypher/aggregate/delete-unit-contacts-of.cypher")
		.single();

	private final String storedUnitContacts = CypherScript.load("cypher/aggregate/stored-unit-contacts.cypher")
		.single();

	private final String counted = CypherScript.load("cypher/aggregate/counted.cypher").single();

	private final String storedContacts = CypherScript.load("cypher/aggregate/stored-contacts.cypher").single();

	private final String sendersAround = CypherScript.load("cypher/aggregate/senders-around.cypher").single();

	private final String deleteContactsOf = CypherScript.load("cypher/aggregate/delete-contacts-of.cypher").single();

	private final String addActivity = CypherScript.load("cypher/aggregate/add-activity.cypher").single();

	private final String storedActivityOfSenders = CypherScript
		.load("cypher/aggregate/stored-activity-of-senders.cypher")
		.single();

	private final String deleteActivityOf = CypherScript.load("cypher/aggregate/delete-activity-of.cypher").single();

	private final String storedActivity = CypherScript.load("cypher/aggregate/stored-activity.cypher").single();

	ContactAggregate(BulkCypher cypher, AggregateSettings settings) {
		this.cypher = cypher;
		this.settings = settings;
	}

	/**
	 * Counts the contacts of every message still marked {@code PendingContacts}, a
	 * transaction per set of senders; returns how many messages it counted.
	 */
	public long countPending() {
		return count(pendingSenders, false);
	}

	/**
	 * Drops the aggregate and counts it again from every message: needed when what
	 * decides a message's recipients (group membership, direct recipients) changes after
	 * the message was counted. A marker stays until the rebuild completes, so one that is
	 * killed part-way is redone by the next import or check.
	 */
	public long rebuild() {
		cypher.write(REBUILD_STARTED, Map.of());
		for (String deleteSome : List.of(DELETE_SOME, DELETE_SOME_ACTIVITY, DELETE_SOME_UNIT_CONTACTS)) {
			while (cypher
				.write(tx -> ((Number) tx.list(deleteSome, Map.of()).getFirst().get("deleted")).longValue()) > 0) {
				log.debug("deleting the aggregate");
			}
		}
		long total = count(allSenders, true);
		cypher.write(REBUILD_FINISHED, Map.of());
		return total;
	}

	/** Whether a rebuild was started and did not finish. */
	public boolean rebuildInterrupted() {
		return cypher.read(tx -> !tx.list("MATCH (r:AggregateRebuild) RETURN r.id AS id", Map.of()).isEmpty());
	}

	/**
	 * The senders whose pairs change when the people or accounts {@code ids} change hands
	 * (a merge or its undo): they, and everyone who messaged them. Read in the caller's
	 * transaction before the change, since the change moves what leads to them.
	 */
	public List<String> sendersAround(BulkCypher.Tx tx, Collection<String> ids) {
		return tx.list(sendersAround, Map.of("ids", List.copyOf(ids)))
			.stream()
			.map(row -> (String) row.get("sender"))
			.toList();
	}

	/**
	 * Counts every pair of some senders again from their messages, in the caller's
	 * transaction (so that a merge and its counts commit together or not at all); returns
	 * how many messages it counted.
	 */
	public long recount(BulkCypher.Tx tx, List<String> senders) {
		tx.execute(deleteContactsOf, Map.of("senders", senders));
		tx.execute(deleteActivityOf, Map.of("senders", senders));
		tx.execute(deleteUnitContactsOf, Map.of("senders", senders));
		return countSenders(tx, senders, true, memberships(tx));
	}

	private long count(String senders, boolean all) {
		long started = System.nanoTime();
		List<List<String>> batches = senderBatches(senders);
		if (batches.isEmpty()) {
			// Every start asks; reading the memberships for nothing was most of a
			// restart's check.
			log.debug("no contacts to count, checked in {} ms", (System.nanoTime() - started) / 1_000_000);
			return 0;
		}
		Memberships members = cypher.read(this::memberships);
		long total = 0;
		for (List<String> batch : batches) {
			total += cypher.write(tx -> countSenders(tx, batch, all, members));
		}
		log.debug("counted the contacts of {} messages in {} ms", total, (System.nanoTime() - started) / 1_000_000);
		return total;
	}

	/**
	 * Senders in sets of about {@code messages-per-transaction} messages; a sender with
	 * more has a set of its own.
	 */
	private List<List<String>> senderBatches(String senders) {
		List<List<String>> batches = new ArrayList<>();
		List<String> batch = new ArrayList<>();
		long messages = 0;
		for (Map<String, Object> row : cypher.read(tx -> tx.list(senders, Map.of()))) {
			long sent = ((Number) row.get("messages")).longValue();
			if (!batch.isEmpty() && messages + sent > settings.messagesPerTransaction()) {
				batches.add(batch);
				batch = new ArrayList<>();
				messages = 0;
			}
			batch.add((String) row.get("sender"));
			messages += sent;
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	private long countSenders(BulkCypher.Tx tx, List<String> senders, boolean all, Memberships members) {
		ContactTally tally = new ContactTally(members.groups(), members.units());
		ActivityTally activity = new ActivityTally();
		List<String> pending = new ArrayList<>();
		long[] messages = { 0 };
		tx.run(messagesOfSenders, Map.of("senders", senders, "all", all), row -> {
			add(tally, row);
			add(activity, row);
			messages[0]++;
			if (Boolean.TRUE.equals(row.get("pending"))) {
				pending.add((String) row.get("message"));
			}
		});
		tx.run(storedContactsOfSenders, Map.of("senders", senders), row -> {
			PairDelta delta = tally.pairs().get(pair(row));
			if (delta != null) {
				delta.merge(map(row.get("stored")));
			}
		});
		BulkCypher.chunks(tally.rows(), ROWS_PER_STATEMENT)
			.forEach(chunk -> tx.execute(addContacts, Map.of("pairs", chunk)));
		writeUnitContacts(tx, senders, tally, all);
		writeActivity(tx, activity, all);
		BulkCypher.chunks(pending, ROWS_PER_STATEMENT).forEach(chunk -> tx.execute(counted, Map.of("messages", chunk)));
		return messages[0];
	}

	/**
	 * Writes the unit pairs the messages touched, merged with what they held; when every
	 * message of the senders was read ({@code all}), their pairs were deleted first.
	 */
	private void writeUnitContacts(BulkCypher.Tx tx, List<String> senders, ContactTally tally, boolean all) {
		if (!all && !tally.unitPairs().isEmpty()) {
			tx.run(storedUnitContactsOfSenders, Map.of("senders", senders), row -> {
				PairDelta delta = tally.unitPairs().get(new ContactTally.UnitPair((String) row.get("unit"), pair(row)));
				if (delta != null) {
					delta.merge(map(row.get("stored")));
				}
			});
		}
		BulkCypher.chunks(tally.unitRows(), ROWS_PER_STATEMENT)
			.forEach(chunk -> tx.execute(addUnitContacts, Map.of("pairs", chunk)));
	}

	/**
	 * Writes the months the messages touched, merged with what they held; when every
	 * message of the senders was read ({@code all}), their months were deleted first and
	 * hold nothing.
	 */
	private void writeActivity(BulkCypher.Tx tx, ActivityTally activity, boolean all) {
		if (!all) {
			BulkCypher.chunks(List.copyOf(activity.ids()), ROWS_PER_STATEMENT)
				.forEach(chunk -> tx.run(storedActivityOfSenders, Map.of("ids", chunk), activity::merge));
		}
		BulkCypher.chunks(activity.rows(), ROWS_PER_STATEMENT)
			.forEach(chunk -> tx.execute(addActivity, Map.of("months", chunk)));
	}

	private Memberships memberships(BulkCypher.Tx tx) {
		ContactTally.Memberships groups = new ContactTally.Memberships();
		tx.run(groupMembers, Map.of(), row -> groups.add((String) row.get("group"), (String) row.get("person"),
				(LocalDate) row.get("from"), (LocalDate) row.get("to")));
		ContactTally.UnitMemberships units = new ContactTally.UnitMemberships();
		tx.run(unitMembers, Map.of(), row -> units.add((String) row.get("unit"), (String) row.get("person"),
				(LocalDate) row.get("from"), (LocalDate) row.get("to")));
		return new Memberships(groups, units);
	}

	/** Who was in which chat group and which unit when, read once per count. */
	private record Memberships(ContactTally.Memberships groups, ContactTally.UnitMemberships units) {
	}

	/** A row of {@code messages-of-senders.cypher}. */
	@SuppressWarnings("unchecked")
	private static void add(ContactTally tally, Map<String, Object> row) {
		tally.message((String) row.get("sender"), (String) row.get("group"), (ZonedDateTime) row.get("sentAt"),
				(String) row.get("channel"), (List<String>) row.get("recipients"));
	}

	private static void add(ActivityTally activity, Map<String, Object> row) {
		activity.message((String) row.get("sender"), (ZonedDateTime) row.get("sentAt"),
				Boolean.TRUE.equals(row.get("flagged")));
	}

	/**
	 * Recomputes the aggregate (contacts and activity) from the messages and compares it
	 * with what is stored.
	 */
	public CheckReport check() {
		Memberships members = cypher.read(this::memberships);
		ContactTally tally = new ContactTally(members.groups(), members.units());
		ActivityTally activity = new ActivityTally();
		for (List<String> batch : senderBatches(allSenders)) {
			cypher.read(messagesOfSenders, Map.of("senders", batch, "all", true), row -> {
				add(tally, row);
				add(activity, row);
			});
		}
		Map<Object, Map<String, Object>> expected = new HashMap<>();
		tally.pairs().forEach((pair, delta) -> expected.put(pair, delta.row()));
		Map<Object, Map<String, Object>> stored = new HashMap<>();
		cypher.read(storedContacts, Map.of(), row -> stored.put(pair(row), row));
		Map<Object, Map<String, Object>> storedMonths = new HashMap<>();
		cypher.read(storedActivity, Map.of(), row -> storedMonths.put(row.get("id"), row));
		Map<Object, Map<String, Object>> expectedUnitPairs = new HashMap<>();
		tally.unitPairs().forEach((pair, delta) -> expectedUnitPairs.put(pair, pair.row(delta)));
		Map<Object, Map<String, Object>> storedUnitPairs = new HashMap<>();
		cypher.read(storedUnitContacts, Map.of(),
				row -> storedUnitPairs.put(new ContactTally.UnitPair((String) row.get("unit"), pair(row)), row));
		return CheckReport.compare(expected, stored, expectedUnitPairs, storedUnitPairs,
				new HashMap<>(activity.rowsById()), storedMonths);
	}

	private static Pair pair(Map<String, Object> row) {
		return new Pair((String) row.get("sender"), (String) row.get("recipient"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	record Pair(String sender, String recipient) {

		/**
		 * Ids differ in their last characters, so the record's own hash (31 times one
		 * plus the other) collides heavily across a million pairs: mix them instead.
		 */
		@Override
		public int hashCode() {
			long mixed = (sender.hashCode() * 0x9E3779B97F4A7C15L) ^ recipient.hashCode();
			return (int) (mixed ^ (mixed >>> 29));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Pair that && sender.equals(that.sender) && recipient.equals(that.recipient);
		}

	}

	/** What a set of messages adds to one pair, merged with what the pair had before. */
	static final class PairDelta {

		private final Pair pair;

		/** Counts for DIRECT, GROUP, SMS and EMAIL. */
		private final long[] byChannel = new long[4];

		/** Months as yyyymm, in no order until {@link #row()}. */
		private final Map<Long, Span> byMonth = new HashMap<>();

		private Span lastSpan;

		private long count;

		private Moment first;

		private Moment last;

		/**
		 * Whether what was stored came without its direct messages per month (an
		 * aggregate from before they were kept): then they stay unknown until a rebuild.
		 */
		private boolean directUnknown;

		PairDelta(Pair pair) {
			this.pair = pair;
		}

		Pair pair() {
			return pair;
		}

		void add(String channel, Moment sentAt) {
			count++;
			countChannel(Objects.requireNonNullElse(channel, "DIRECT"), 1);
			if (sentAt == null) {
				return;
			}
			first = Moment.earlier(first, sentAt);
			last = Moment.later(last, sentAt);
			ZonedDateTime time = sentAt.time();
			span(time.getYear() * 100L + time.getMonthValue()).add(1, "GROUP".equals(channel) ? 0 : 1, sentAt, sentAt);
		}

		/**
		 * The month's span; consecutive messages of a pair mostly fall in the same month.
		 */
		private Span span(long month) {
			if (lastSpan == null || lastSpan.month != month) {
				lastSpan = byMonth.computeIfAbsent(month, Span::new);
			}
			return lastSpan;
		}

		private void countChannel(String channel, long messages) {
			int index = switch (channel) {
				case "DIRECT" -> 0;
				case "GROUP" -> 1;
				case "SMS" -> 2;
				case "EMAIL" -> 3;
				default -> -1;
			};
			if (index >= 0) {
				byChannel[index] += messages;
			}
		}

		/** Adds what the pair's CONTACTED relationship already holds. */
		@SuppressWarnings("unchecked")
		void merge(Map<String, Object> stored) {
			count += number(stored.get("count"));
			countChannel("DIRECT", number(stored.get("directCount")));
			countChannel("GROUP", number(stored.get("groupCount")));
			countChannel("SMS", number(stored.get("smsCount")));
			countChannel("EMAIL", number(stored.get("emailCount")));
			first = Moment.earlier(first, Moment.of((ZonedDateTime) stored.get("first")));
			last = Moment.later(last, Moment.of((ZonedDateTime) stored.get("last")));
			List<Object> months = (List<Object>) stored.getOrDefault("months", List.of());
			List<Object> counts = (List<Object>) stored.get("monthCounts");
			List<Object> firsts = (List<Object>) stored.get("monthFirst");
			List<Object> lasts = (List<Object>) stored.get("monthLast");
			List<Object> direct = (List<Object>) stored.get("monthDirect");
			directUnknown |= !months.isEmpty() && (direct == null || direct.size() != months.size());
			for (int i = 0; i < months.size(); i++) {
				long directOf = (directUnknown) ? 0 : number(direct.get(i));
				span(number(months.get(i))).add(number(counts.get(i)), directOf,
						Moment.of(PackedInstant.read(firsts.get(i))), Moment.of(PackedInstant.read(lasts.get(i))));
			}
		}

		/** The pair's row, a new map each time (a unit pair adds its own keys to it). */
		Map<String, Object> row() {
			Map<String, Object> row = new HashMap<>();
			row.put("sender", pair.sender());
			row.put("recipient", pair.recipient());
			row.put("count", count);
			row.put("directCount", byChannel[0]);
			row.put("groupCount", byChannel[1]);
			row.put("smsCount", byChannel[2]);
			row.put("emailCount", byChannel[3]);
			row.put("first", (first == null) ? null : first.time());
			row.put("last", (last == null) ? null : last.time());
			Span[] spans = byMonth.values().toArray(Span[]::new);
			Arrays.sort(spans, Span.IN_ORDER);
			boolean packed = true;
			for (Span span : spans) {
				packed &= span.packable;
			}
			List<Long> months = new ArrayList<>(spans.length);
			List<Long> counts = new ArrayList<>(spans.length);
			List<Object> firsts = new ArrayList<>(spans.length);
			List<Object> lasts = new ArrayList<>(spans.length);
			List<Long> direct = directUnknown ? null : new ArrayList<>(spans.length);
			for (Span span : spans) {
				months.add(span.month);
				counts.add(span.count);
				firsts.add(packed ? span.firstDown : span.first.time());
				lasts.add(packed ? span.lastUp : span.last.time());
				if (direct != null) {
					direct.add(span.direct);
				}
			}
			row.put("months", months);
			row.put("monthCounts", counts);
			row.put("monthFirst", firsts);
			row.put("monthLast", lasts);
			row.put("monthDirect", direct);
			return row;
		}

		private static long number(Object value) {
			return (value instanceof Number number) ? number.longValue() : 0L;
		}

	}

	/**
	 * One month of one pair. What its first and last are written as is kept beside them
	 * as they change, so that writing millions of months follows no reference to a
	 * date-time.
	 */
	private static final class Span {

		static final Comparator<Span> IN_ORDER = Comparator.comparingLong(span -> span.month);

		private final long month;

		private long count;

		private long direct;

		private Moment first;

		private Moment last;

		private long firstDown;

		private long lastUp;

		/** Whether the first and the last both pack. */
		private boolean packable;

		Span(long month) {
			this.month = month;
		}

		void add(long messages, long directMessages, Moment earliest, Moment latest) {
			count += messages;
			direct += directMessages;
			first = Moment.earlier(first, earliest);
			last = Moment.later(last, latest);
			firstDown = first.down();
			lastUp = last.up();
			packable = first.packable() && last.packable();
		}

	}

}
