package org.casegraph.messaging;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.casegraph.neo4j.CypherScript;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * The who-messaged-whom aggregate: one {@code (:Person)-[:CONTACTED]->(:Person)} per
 * ordered pair with the message count, first and last contact, a count per channel, and
 * per calendar month (parallel arrays {@code months}, {@code monthCounts},
 * {@code monthFirst}, {@code monthLast}), so that contact queries never scan messages.
 * New messages' contacts are merged with what each pair held and written once per pair
 * per transaction, in the transaction that takes them; {@link #check()} recomputes it
 * from the messages and reports any difference.
 */
@Component
public class ContactAggregate {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ContactAggregate.class);

	/** Messages read per expansion query. */
	private static final int BATCH = 5_000;

	/** Pair deltas per write statement. */
	private static final int PAIRS_PER_STATEMENT = 10_000;

	private static final String ALL_MESSAGE_IDS = "MATCH (m:Message) RETURN m.id AS id ORDER BY id";

	private static final String DELETE = """
			MATCH ()-[c:CONTACTED]->()
			CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS
			""";

	private static final String REBUILD_STARTED = "MERGE (:AggregateRebuild {id: 'contacts'})";

	private static final String REBUILD_FINISHED = "MATCH (r:AggregateRebuild {id: 'contacts'}) DELETE r";

	private static final String REBUILD_PENDING = "RETURN EXISTS { (:AggregateRebuild) } AS interrupted";

	private static final String MARK_ALL_PENDING = """
			MATCH (m:Message)
			CALL (m) { SET m:PendingContacts } IN TRANSACTIONS OF 10000 ROWS
			""";

	private final Driver driver;

	private final AggregateSettings settings;

	private final String contactsOfMessages = CypherScript.load("cypher/aggregate/contacts-of-messages.cypher")
		.single();

	private final String addContacts = CypherScript.load("cypher/aggregate/add-contacts.cypher").single();

	private final String storedContactsOfPairs = CypherScript.load("cypher/aggregate/stored-contacts-of-pairs.cypher")
		.single();

	private final String takePending = CypherScript.load("cypher/aggregate/take-pending.cypher").single();

	private final String storedContacts = CypherScript.load("cypher/aggregate/stored-contacts.cypher").single();

	ContactAggregate(Driver driver, AggregateSettings settings) {
		this.driver = driver;
		this.settings = settings;
	}

	/**
	 * Adds the contacts of newly written messages, inside the transaction that wrote
	 * them.
	 */
	public void addFor(TransactionContext tx, Collection<String> newMessageIds) {
		if (newMessageIds.isEmpty()) {
			return;
		}
		Map<Pair, PairDelta> deltas = new HashMap<>();
		long started = System.nanoTime();
		for (List<String> ids : batches(List.copyOf(newMessageIds))) {
			tx.run(contactsOfMessages, Map.of("ids", ids)).forEachRemaining(r -> add(deltas, r));
		}
		log.debug("expanded {} messages to {} pairs in {} ms", newMessageIds.size(), deltas.size(),
				(System.nanoTime() - started) / 1_000_000);
		mergeStored(tx, deltas);
		List<Map<String, Object>> rows = deltas.values().stream().map(PairDelta::row).toList();
		for (int start = 0; start < rows.size(); start += PAIRS_PER_STATEMENT) {
			tx.run(addContacts,
					Map.of("pairs", rows.subList(start, Math.min(rows.size(), start + PAIRS_PER_STATEMENT))))
				.consume();
		}
	}

	/**
	 * Reads what the pairs already hold, so that each pair is written once with its new
	 * totals.
	 */
	private void mergeStored(TransactionContext tx, Map<Pair, PairDelta> deltas) {
		List<Map<String, Object>> pairs = deltas.keySet()
			.stream()
			.map(pair -> Map.<String, Object>of("sender", pair.sender(), "recipient", pair.recipient()))
			.toList();
		for (int start = 0; start < pairs.size(); start += PAIRS_PER_STATEMENT) {
			var chunk = pairs.subList(start, Math.min(pairs.size(), start + PAIRS_PER_STATEMENT));
			tx.run(storedContactsOfPairs, Map.of("pairs", chunk))
				.forEachRemaining(r -> deltas.get(pair(r)).merge(r.get("stored").asMap()));
		}
	}

	/**
	 * Counts the contacts of every message still marked {@code PendingContacts}, inside
	 * {@code tx}; returns how many messages it counted.
	 */
	public long countPending(TransactionContext tx) {
		long total = 0;
		for (int taken = takeAndCount(tx); taken > 0; taken = takeAndCount(tx)) {
			total += taken;
		}
		return total;
	}

	/**
	 * Like {@link #countPending(TransactionContext)}, a transaction per batch, so any
	 * amount fits in memory.
	 */
	public long countPending() {
		try (Session session = driver.session()) {
			return drain(session);
		}
	}

	/**
	 * Drops the aggregate and builds it again from every message: needed when what
	 * decides a message's recipients (group membership, direct recipients) changes after
	 * the message was counted. A marker stays until the rebuild completes, so one that is
	 * killed part-way is redone by the next import or check.
	 */
	public long rebuild() {
		try (Session session = driver.session()) {
			session.run(REBUILD_STARTED).consume();
			session.run(DELETE).consume();
			session.run(MARK_ALL_PENDING).consume();
			long total = drain(session);
			session.run(REBUILD_FINISHED).consume();
			return total;
		}
	}

	/** Counts pending messages a transaction per batch until none remain. */
	private long drain(Session session) {
		long total = 0;
		for (int taken = session.executeWrite(this::takeAndCount); taken > 0; taken = session
			.executeWrite(this::takeAndCount)) {
			total += taken;
		}
		return total;
	}

	private boolean rebuildInterrupted() {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> tx.run(REBUILD_PENDING).single().get("interrupted").asBoolean());
		}
	}

	private int takeAndCount(TransactionContext tx) {
		long started = System.nanoTime();
		List<String> ids = tx.run(takePending, Map.of("limit", settings.messagesPerTransaction()))
			.list(r -> r.get("id").asString());
		addFor(tx, ids);
		log.debug("contacts of {} messages in {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
		return ids.size();
	}

	/** Recomputes the aggregate from the messages and compares it with what is stored. */
	public CheckReport check() {
		try (Session session = driver.session()) {
			Map<Pair, PairDelta> expected = new HashMap<>();
			for (List<String> ids : batches(allMessageIds(session))) {
				session.executeRead(tx -> {
					tx.run(contactsOfMessages, Map.of("ids", ids)).forEachRemaining(r -> add(expected, r));
					return null;
				});
			}
			Map<Pair, Map<String, Object>> stored = new HashMap<>();
			session.executeRead(tx -> {
				tx.run(storedContacts).forEachRemaining(r -> stored.put(pair(r), r.asMap()));
				return null;
			});
			return CheckReport.compare(expected, stored);
		}
	}

	private static List<String> allMessageIds(Session session) {
		return session.executeRead(tx -> tx.run(ALL_MESSAGE_IDS).list(r -> r.get("id").asString()));
	}

	private static List<List<String>> batches(List<String> ids) {
		List<List<String>> batches = new ArrayList<>();
		for (int start = 0; start < ids.size(); start += BATCH) {
			batches.add(ids.subList(start, Math.min(ids.size(), start + BATCH)));
		}
		return batches;
	}

	private static void add(Map<Pair, PairDelta> deltas, Record record) {
		Value sentAt = record.get("sentAt");
		deltas.computeIfAbsent(pair(record), PairDelta::new)
			.add(record.get("channel").asString(null), sentAt.isNull() ? null : sentAt.asZonedDateTime());
	}

	private static Pair pair(Record record) {
		return new Pair(record.get("sender").asString(), record.get("recipient").asString());
	}

	record Pair(String sender, String recipient) {
	}

	/** What a set of messages adds to one pair, merged with what the pair had before. */
	static final class PairDelta {

		private final Pair pair;

		private final Map<String, Long> byChannel = new HashMap<>();

		private final TreeMap<Long, Span> byMonth = new TreeMap<>();

		private long count;

		private ZonedDateTime first;

		private ZonedDateTime last;

		PairDelta(Pair pair) {
			this.pair = pair;
		}

		void add(String channel, ZonedDateTime sentAt) {
			count++;
			byChannel.merge(Objects.requireNonNullElse(channel, "DIRECT"), 1L, Long::sum);
			if (sentAt == null) {
				return;
			}
			first = earlier(first, sentAt);
			last = later(last, sentAt);
			byMonth.computeIfAbsent(sentAt.getYear() * 100L + sentAt.getMonthValue(), Span::new).add(1, sentAt, sentAt);
		}

		/** Adds what the pair's CONTACTED relationship already holds. */
		@SuppressWarnings("unchecked")
		void merge(Map<String, Object> stored) {
			count += number(stored.get("count"));
			byChannel.merge("DIRECT", number(stored.get("directCount")), Long::sum);
			byChannel.merge("GROUP", number(stored.get("groupCount")), Long::sum);
			byChannel.merge("SMS", number(stored.get("smsCount")), Long::sum);
			byChannel.merge("EMAIL", number(stored.get("emailCount")), Long::sum);
			first = earlier(first, (ZonedDateTime) stored.get("first"));
			last = later(last, (ZonedDateTime) stored.get("last"));
			List<Object> months = (List<Object>) stored.getOrDefault("months", List.of());
			List<Object> counts = (List<Object>) stored.get("monthCounts");
			List<Object> firsts = (List<Object>) stored.get("monthFirst");
			List<Object> lasts = (List<Object>) stored.get("monthLast");
			for (int i = 0; i < months.size(); i++) {
				byMonth.computeIfAbsent(number(months.get(i)), Span::new)
					.add(number(counts.get(i)), (ZonedDateTime) firsts.get(i), (ZonedDateTime) lasts.get(i));
			}
		}

		Map<String, Object> row() {
			Map<String, Object> row = new HashMap<>();
			row.put("sender", pair.sender());
			row.put("recipient", pair.recipient());
			row.put("count", count);
			row.put("directCount", byChannel.getOrDefault("DIRECT", 0L));
			row.put("groupCount", byChannel.getOrDefault("GROUP", 0L));
			row.put("smsCount", byChannel.getOrDefault("SMS", 0L));
			row.put("emailCount", byChannel.getOrDefault("EMAIL", 0L));
			row.put("first", first);
			row.put("last", last);
			row.put("months", List.copyOf(byMonth.keySet()));
			row.put("monthCounts", byMonth.values().stream().map(Span::count).toList());
			row.put("monthFirst", byMonth.values().stream().map(Span::first).toList());
			row.put("monthLast", byMonth.values().stream().map(Span::last).toList());
			return row;
		}

		private static long number(Object value) {
			return (value instanceof Number number) ? number.longValue() : 0L;
		}

	}

	private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
		return (a == null || (b != null && b.isBefore(a))) ? b : a;
	}

	private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

	/** One month of one pair. */
	private static final class Span {

		private final long month;

		private long count;

		private ZonedDateTime first;

		private ZonedDateTime last;

		Span(long month) {
			this.month = month;
		}

		void add(long messages, ZonedDateTime earliest, ZonedDateTime latest) {
			count += messages;
			first = earlier(first, earliest);
			last = later(last, latest);
		}

		long count() {
			return count;
		}

		ZonedDateTime first() {
			return first;
		}

		ZonedDateTime last() {
			return last;
		}

	}

}
