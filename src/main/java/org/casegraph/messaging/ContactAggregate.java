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
 * The who-messaged-whom aggregate: {@code (:Person)-[:CONTACTED]->(:Person)} with the
 * message count, first and last contact and a count per channel, and {@code CONTACTED_IN
 * {month: yyyymm}} per calendar month, so that contact queries never scan messages. Every
 * write of new messages adds exactly their contacts in the same transaction;
 * {@link #check()} recomputes it from the messages and reports any difference.
 */
@Component
public class ContactAggregate {

	private static final int BATCH = 5_000;

	private static final String ALL_MESSAGE_IDS = "MATCH (m:Message) RETURN m.id AS id ORDER BY id";

	private static final String DELETE = """
			MATCH ()-[c:CONTACTED|CONTACTED_IN]->()
			CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS
			""";

	private static final String MARK_ALL_PENDING = """
			MATCH (m:Message)
			CALL (m) { SET m:PendingContacts } IN TRANSACTIONS OF 10000 ROWS
			""";

	private final Driver driver;

	private final String contactsOfMessages = CypherScript.load("cypher/aggregate/contacts-of-messages.cypher")
		.single();

	private final String addContacts = CypherScript.load("cypher/aggregate/add-contacts.cypher").single();

	private final String takePending = CypherScript.load("cypher/aggregate/take-pending.cypher").single();

	private final String storedContacts = CypherScript.load("cypher/aggregate/stored-contacts.cypher").single();

	ContactAggregate(Driver driver) {
		this.driver = driver;
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
		tx.run(contactsOfMessages, Map.of("ids", List.copyOf(newMessageIds))).forEachRemaining(r -> add(deltas, r));
		List<Map<String, Object>> rows = deltas.values().stream().map(PairDelta::row).toList();
		for (int start = 0; start < rows.size(); start += BATCH) {
			tx.run(addContacts, Map.of("pairs", rows.subList(start, Math.min(rows.size(), start + BATCH)))).consume();
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
		long total = 0;
		try (Session session = driver.session()) {
			for (int taken = session.executeWrite(this::takeAndCount); taken > 0; taken = session
				.executeWrite(this::takeAndCount)) {
				total += taken;
			}
		}
		return total;
	}

	/** Drops the aggregate and builds it again from every message. */
	public void rebuild() {
		try (Session session = driver.session()) {
			session.run(DELETE).consume();
			session.run(MARK_ALL_PENDING).consume();
		}
		countPending();
	}

	private int takeAndCount(TransactionContext tx) {
		List<String> ids = tx.run(takePending, Map.of("limit", BATCH)).list(r -> r.get("id").asString());
		addFor(tx, ids);
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

	/** What a set of messages adds to one pair. */
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
			first = (first == null || sentAt.isBefore(first)) ? sentAt : first;
			last = (last == null || sentAt.isAfter(last)) ? sentAt : last;
			byMonth.computeIfAbsent(sentAt.getYear() * 100L + sentAt.getMonthValue(), Span::new).add(sentAt);
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
			row.put("months", byMonth.values().stream().map(Span::row).toList());
			return row;
		}

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

		void add(ZonedDateTime sentAt) {
			count++;
			first = (first == null || sentAt.isBefore(first)) ? sentAt : first;
			last = (last == null || sentAt.isAfter(last)) ? sentAt : last;
		}

		Map<String, Object> row() {
			return Map.of("month", month, "count", count, "first", first, "last", last);
		}

	}

}
