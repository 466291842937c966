package org.casegraph.network;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.chrono.ChronoZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.KeptAnswers;
import org.casegraph.neo4j.LimitExceededException;
import org.casegraph.neo4j.PackedInstant;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.query.Limits;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Who messaged whom among the people in a scope. Counts come from the CONTACTED
 * aggregate's months; only a month that a membership or the time window cuts through is
 * counted from its messages, so the cost follows the window and the scope, not the store.
 * A scope of one unit reads its pairs from the aggregate per unit, already counted while
 * both were members, so only the window can cut a month.
 * <p>
 * A network is kept until the next write to the store ({@link StoreVersion}): the
 * explorer asks for the same one again as it redraws, and the same question asked again
 * is answered without a read.
 */
@Component
class ContactNetwork {

	/**
	 * Most nodes and edges kept in all, over every question (each edge with its month
	 * arrays, about a kilobyte): the largest unit's network at tier M holds 511.
	 */
	private static final long MAX_KEPT = 100_000;

	private final String contacts = CypherScript.load("cypher/network/contacts.cypher").single();

	private final String counts = CypherScript.load("cypher/network/contact-counts.cypher").single();

	private final String pairMessages = CypherScript.load("cypher/network/pair-messages.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	private final Limits limits;

	private final KeptAnswers<Question, Graph> kept;

	ContactNetwork(ReadOnlyCypher cypher, Scopes scopes, Limits limits, StoreVersion storeVersion) {
		this.cypher = cypher;
		this.scopes = scopes;
		this.limits = limits;
		this.kept = new KeptAnswers<>(storeVersion, MAX_KEPT, graph -> graph.nodes().size() + graph.edges().size());
	}

	/**
	 * The network, kept from before while the store is as it was; asked with
	 * {@code explain}, read again, so that the statements it explains give its answer.
	 */
	Graph network(ScopeInput scopeInput, Window window, Set<Via> via, int minMessages, boolean includeOutside,
			boolean explain) {
		if (explain) {
			return read(scopeInput, window, via, minMessages, includeOutside, true);
		}
		Question question = new Question(scopeInput.normalized(), window, Set.copyOf(via), minMessages, includeOutside);
		return kept.get(question, () -> read(scopeInput, window, via, minMessages, includeOutside, false));
	}

	private Graph read(ScopeInput scopeInput, Window window, Set<Via> via, int minMessages, boolean includeOutside,
			boolean explain) {
		return cypher.read(statements -> {
			Scopes.Scope scope = scopes.resolve(statements, "scope", scopeInput)
				.during(window.firstDay(), window.lastDay());
			Contacts found = contacts(statements, scope, singleUnit(scopeInput), window, includeOutside, true);
			GraphBuilder graph = new GraphBuilder();
			scope.people().values().forEach(person -> graph.node(person, Map.of("inScope", true)));
			for (PairCount pair : found.pairs().stream().map(pair -> pair.via(via)).toList()) {
				if (pair.count() == 0 || pair.count() < minMessages) {
					continue;
				}
				addOutsider(graph, found, pair.sender());
				addOutsider(graph, found, pair.recipient());
				graph.edge("CONTACTED", pair.sender(), pair.recipient(), (double) pair.count(), pair.properties());
			}
			return graph.build(null, explain ? statements.executed() : null);
		});
	}

	/**
	 * What a network answers: the same question asks for the same network.
	 *
	 * @param scope whose network, its lists never null
	 * @param window when
	 * @param via the kinds of message counted
	 * @param minMessages the fewest messages an edge carries
	 * @param includeOutside whether the people outside the scope are in it
	 */
	private record Question(ScopeInput scope, Window window, Set<Via> via, int minMessages, boolean includeOutside) {
	}

	/** The unit when the scope is one unit and nothing else, or null. */
	private static String singleUnit(ScopeInput scope) {
		boolean unitOnly = scope.units().size() == 1 && scope.persons().isEmpty() && scope.stations().isEmpty()
				&& scope.chatGroups().isEmpty() && !scope.everyone();
		return unitOnly ? scope.units().getFirst() : null;
	}

	private void addOutsider(GraphBuilder graph, Contacts found, String personId) {
		if (graph.contains(personId)) {
			return;
		}
		if (graph.nodeCount() >= limits.graphNodes()) {
			throw new LimitExceededException("casegraph.limits.graph-nodes", limits.graphNodes(),
					"The network with the people outside the scope holds more than %d nodes (casegraph.limits.graph-nodes); narrow the scope or raise minMessages"
						.formatted(limits.graphNodes()));
		}
		graph.node(found.outsiders().get(personId), Map.of("inScope", false));
	}

	/**
	 * Every pair's messages in the window while both (the in-scope ones) belonged to the
	 * scope.
	 */
	Contacts contacts(Statements statements, Scopes.Scope scope, Window window, boolean includeOutside,
			boolean byMonth) {
		return contacts(statements, scope, null, window, includeOutside, byMonth);
	}

	/**
	 * Like {@link #contacts(Statements, Scopes.Scope, Window, boolean, boolean)} for a
	 * scope that is the one unit {@code unit} (null when it is not).
	 */
	Contacts contacts(Statements statements, Scopes.Scope scope, String unit, Window window, boolean includeOutside,
			boolean byMonth) {
		boolean months = byMonth || !window.unbounded() || !scope.always();
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("ids", scope.ids());
		parameters.put("outside", includeOutside);
		// Without months to read, every pair of a scope with no dates is counted whole
		// from
		// CONTACTED over all time, a unit's as well: its members were always members.
		String statement = counts;
		if (months) {
			statement = contacts;
			parameters.put("unit", unit);
			parameters.put("fromMonth", window.firstMonth());
			parameters.put("toMonth", window.lastMonth());
		}
		List<Tally> tallies = new ArrayList<>();
		Map<String, org.neo4j.driver.types.Node> outsiders = new LinkedHashMap<>();
		for (Record record : statements.run(statement, parameters)) {
			if (!record.get("outsider").isNull()) {
				var outsider = record.get("outsider").asNode();
				outsiders.putIfAbsent(outsider.get("id").asString(), outsider);
			}
			tallies.add(tally(record, scope, window));
		}
		countCutMonths(statements, tallies, window);
		List<PairCount> pairs = tallies.stream().map(Tally::result).filter(pair -> pair.count() > 0).toList();
		return new Contacts(pairs, outsiders);
	}

	/**
	 * The pairs a statement reads from the aggregate, each whole over all time, without
	 * its months: its columns are sender, recipient, count, groupCount, first and last.
	 */
	List<PairCount> wholePairs(Statements statements, String statement, Map<String, Object> parameters) {
		return statements.run(statement, parameters)
			.stream()
			.map(PairCount::whole)
			.filter(pair -> pair.count() > 0)
			.toList();
	}

	private static Tally tally(Record record, Scopes.Scope scope, Window window) {
		String sender = record.get("sender").asString();
		String recipient = record.get("recipient").asString();
		boolean inUnit = record.get("inUnit").asBoolean();
		Value directs = record.get("monthDirect");
		boolean directsKnown = allKnown(directs);
		// The aggregate per unit counted a pair only while both were members:
		// over all time it is the answer, with no membership to intersect.
		if (inUnit && window.unbounded() && directsKnown) {
			Tally tally = new Tally(sender, recipient, Periods.ALWAYS);
			tally.whole(record, directs);
			return tally;
		}
		Periods both = scope.periodsOf(sender).intersect(scope.periodsOf(recipient));
		Tally tally = new Tally(sender, recipient, both);
		Periods uncounted = inUnit ? Periods.ALWAYS : both;
		if (window.unbounded() && uncounted.always() && directsKnown) {
			tally.whole(record, directs);
			return tally;
		}
		Value months = record.get("months");
		Value counts = record.get("monthCounts");
		Value firsts = record.get("monthFirst");
		Value lasts = record.get("monthLast");
		for (int i = 0; i < months.size(); i++) {
			ZonedDateTime first = PackedInstant.read(firsts.get(i).asObject());
			ZonedDateTime last = PackedInstant.read(lasts.get(i).asObject());
			Coverage coverage = window.coverage(first, last).and(uncounted, first, last);
			Value direct = directs.get(i);
			if (coverage == Coverage.WHOLE && !direct.isNull()) {
				tally.month(months.get(i).asInt(), counts.get(i).asLong(), direct.asLong(), first, last);
			}
			// A month whose direct messages an older aggregate did not keep
			// is counted from its messages too.
			if (coverage == Coverage.PART || (coverage == Coverage.WHOLE && direct.isNull())) {
				tally.cuts.add(new Span(first, last));
			}
		}
		return tally;
	}

	private static boolean allKnown(Value list) {
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).isNull()) {
				return false;
			}
		}
		return true;
	}

	private void countCutMonths(Statements statements, List<Tally> tallies, Window window) {
		Map<String, Tally> byPair = new LinkedHashMap<>();
		Map<String, List<Tally>> bySender = new LinkedHashMap<>();
		for (Tally tally : tallies) {
			if (!tally.cuts.isEmpty()) {
				byPair.put(tally.sender + "\n" + tally.recipient, tally);
				bySender.computeIfAbsent(tally.sender, sender -> new ArrayList<>()).add(tally);
			}
		}
		if (bySender.isEmpty()) {
			return;
		}
		List<Map<String, Object>> senders = new ArrayList<>();
		bySender.forEach((sender, cut) -> senders.add(Map.of("sender", sender, "recipients",
				cut.stream().map(tally -> tally.recipient).toList(), "ranges", Span.merged(cut))));
		for (Record record : statements.run(pairMessages, Map.of("senders", senders))) {
			Tally tally = byPair.get(record.get("sender").asString() + "\n" + record.get("recipient").asString());
			ZonedDateTime sentAt = record.get("sentAt").asZonedDateTime();
			if (tally.inCut(sentAt) && window.contains(sentAt) && tally.both.contains(sentAt.toLocalDate())) {
				boolean direct = !"GROUP".equals(record.get("channel").asString(null));
				tally.month(sentAt.getYear() * 100 + sentAt.getMonthValue(), 1, direct ? 1 : 0, sentAt, sentAt);
			}
		}
	}

	/**
	 * A scope's contacts.
	 *
	 * @param pairs each ordered pair with at least one message
	 * @param outsiders the people outside the scope among them, by id
	 */
	record Contacts(List<PairCount> pairs, Map<String, org.neo4j.driver.types.Node> outsiders) {
	}

	/**
	 * One ordered pair's messages.
	 *
	 * @param sender who sent them
	 * @param recipient whom they reached
	 * @param count how many
	 * @param first the earliest
	 * @param last the latest
	 * @param byMonth how many in each month (yyyymm, in each message's own offset, in
	 * order), for those with a time
	 * @param direct how many were not posted in a group (direct messages, SMS, email)
	 * @param directByMonth of each month's, how many were not posted in a group
	 */
	record PairCount(String sender, String recipient, long count, ZonedDateTime first, ZonedDateTime last,
			MonthCounts byMonth, long direct, MonthCounts directByMonth) {

		/** A pair read whole over all time, without its months. */
		static PairCount whole(Record record) {
			long count = record.get("count").asLong();
			return new PairCount(record.get("sender").asString(), record.get("recipient").asString(), count,
					Tally.zoned(record.get("first")), Tally.zoned(record.get("last")), MonthCounts.NONE,
					count - record.get("groupCount").asLong(0), MonthCounts.NONE);
		}

		/**
		 * Only the messages of some kinds: direct ones, group posts or both. First and
		 * last are known for both only.
		 */
		PairCount via(Set<Via> kinds) {
			if (kinds.containsAll(EnumSet.allOf(Via.class))) {
				return this;
			}
			boolean directOnly = kinds.contains(Via.DIRECT);
			SortedMap<Integer, Long> months = new TreeMap<>();
			byMonth.forEach((month, messages) -> {
				long directOf = directByMonth.get(month);
				long kept = directOnly ? directOf : (kinds.contains(Via.GROUP) ? messages - directOf : 0);
				if (kept > 0) {
					months.put(month, kept);
				}
			});
			long kept = directOnly ? direct : (kinds.contains(Via.GROUP) ? count - direct : 0);
			MonthCounts keptMonths = MonthCounts.of(months);
			return new PairCount(sender, recipient, kept, null, null, keptMonths, directOnly ? kept : 0,
					directOnly ? keptMonths : MonthCounts.NONE);
		}

		Map<String, Object> properties() {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("count", count);
			properties.put("direct", direct);
			properties.put("group", count - direct);
			properties.put("first", first == null ? null : first.toOffsetDateTime().toString());
			properties.put("last", last == null ? null : last.toOffsetDateTime().toString());
			// The stored relationship's month arrays, cut to the window, so
			// that a time bar can be drawn from the result alone.
			properties.put("months", byMonth.months());
			properties.put("monthCounts", byMonth.counts());
			return properties;
		}

	}

	/** The kinds of message a contact network counts. */
	enum Via {

		/** Not posted in a group: direct app messages, SMS, email. */
		DIRECT,

		/** Posted in a chat group while both were in it. */
		GROUP

	}

	/**
	 * A month of a pair's messages, from its first to its last, counted from the
	 * messages.
	 *
	 * @param start the first
	 * @param end the last
	 */
	private record Span(ZonedDateTime start, ZonedDateTime end) {

		boolean contains(ZonedDateTime instant) {
			return !instant.isBefore(start) && !instant.isAfter(end);
		}

		/**
		 * The spans of some pairs of one sender, overlapping ones joined, as the
		 * statement's ranges: its messages are walked once for all of them.
		 */
		static List<Map<String, Object>> merged(List<Tally> pairs) {
			List<Span> spans = pairs.stream()
				.flatMap(tally -> tally.cuts.stream())
				.sorted(Comparator.comparing(Span::start, ChronoZonedDateTime.timeLineOrder()))
				.toList();
			List<Map<String, Object>> ranges = new ArrayList<>();
			ZonedDateTime start = null;
			ZonedDateTime end = null;
			for (Span span : spans) {
				if (end != null && !span.start().isAfter(end)) {
					end = span.end().isAfter(end) ? span.end() : end;
					continue;
				}
				if (end != null) {
					ranges.add(Map.of("start", start, "end", end));
				}
				start = span.start();
				end = span.end();
			}
			ranges.add(Map.of("start", start, "end", end));
			return ranges;
		}

	}

	/** How much of a month's messages a window or a membership takes in. */
	enum Coverage {

		NONE, PART, WHOLE;

		Coverage and(Periods periods, ZonedDateTime first, ZonedDateTime last) {
			if (this == NONE || !periods.overlaps(first.toLocalDate(), last.toLocalDate())) {
				return NONE;
			}
			return this == WHOLE && periods.covers(first.toLocalDate(), last.toLocalDate()) ? WHOLE : PART;
		}

	}

	/** Counts one pair from whole months and single messages. */
	private static final class Tally {

		private final String sender;

		private final String recipient;

		private final Periods both;

		private final TreeMap<Integer, Long> byMonth = new TreeMap<>();

		private final TreeMap<Integer, Long> directByMonth = new TreeMap<>();

		/**
		 * A pair read whole: its months as the aggregate keeps them, in order, with no
		 * map to merge into.
		 */
		private MonthCounts wholeMonths;

		private MonthCounts wholeDirect;

		/** The months counted from their messages. */
		private final List<Span> cuts = new ArrayList<>();

		private long count;

		private long direct;

		private ZonedDateTime first;

		private ZonedDateTime last;

		Tally(String sender, String recipient, Periods both) {
			this.sender = sender;
			this.recipient = recipient;
			this.both = both;
		}

		/** The whole record; {@code directs} is its month direct counts, none null. */
		void whole(Record record, Value directs) {
			Value months = record.get("months");
			Value counts = record.get("monthCounts");
			int[] monthNumbers = new int[months.size()];
			long[] monthCounts = new long[monthNumbers.length];
			long[] directCounts = new long[monthNumbers.length];
			for (int i = 0; i < monthNumbers.length; i++) {
				monthNumbers[i] = months.get(i).asInt();
				monthCounts[i] = counts.get(i).asLong();
				directCounts[i] = directs.get(i).asLong();
			}
			// Both may hold the one array of months: neither changes it, and sorting
			// months out of order makes new arrays.
			wholeMonths = MonthCounts.ascending(monthNumbers, monthCounts);
			wholeDirect = MonthCounts.ascending(monthNumbers, directCounts);
			count = record.get("count").asLong();
			direct = count - record.get("groupCount").asLong(0);
			first = zoned(record.get("first"));
			last = zoned(record.get("last"));
		}

		void month(int month, long messages, long directMessages, ZonedDateTime earliest, ZonedDateTime latest) {
			if (wholeMonths != null) {
				throw new IllegalStateException("A pair read whole has no month counted from its messages");
			}
			byMonth.merge(month, messages, Long::sum);
			directByMonth.merge(month, directMessages, Long::sum);
			count += messages;
			direct += directMessages;
			first = first == null || earliest.isBefore(first) ? earliest : first;
			last = last == null || latest.isAfter(last) ? latest : last;
		}

		boolean inCut(ZonedDateTime instant) {
			return cuts.stream().anyMatch(span -> span.contains(instant));
		}

		/** The pair's count; the tally is not used after. */
		PairCount result() {
			if (wholeMonths != null) {
				return new PairCount(sender, recipient, count, first, last, wholeMonths, direct, wholeDirect);
			}
			return new PairCount(sender, recipient, count, first, last, MonthCounts.of(byMonth), direct,
					MonthCounts.of(directByMonth));
		}

		private static ZonedDateTime zoned(Value value) {
			return value.isNull() ? null : value.asZonedDateTime();
		}

	}

	/**
	 * A time window; null ends are open.
	 *
	 * @param from the earliest instant
	 * @param to the latest instant
	 */
	record Window(OffsetDateTime from, OffsetDateTime to) {

		static final Window ALL = new Window(null, null);

		boolean unbounded() {
			return from == null && to == null;
		}

		boolean contains(ZonedDateTime instant) {
			return (from == null || !instant.toOffsetDateTime().isBefore(from))
					&& (to == null || !instant.toOffsetDateTime().isAfter(to));
		}

		Coverage coverage(ZonedDateTime first, ZonedDateTime last) {
			if (!contains(first) && !contains(last) && !spans(first, last)) {
				return Coverage.NONE;
			}
			return contains(first) && contains(last) ? Coverage.WHOLE : Coverage.PART;
		}

		private boolean spans(ZonedDateTime first, ZonedDateTime last) {
			return from != null && to != null && first.toOffsetDateTime().isBefore(from)
					&& last.toOffsetDateTime().isAfter(to);
		}

		LocalDate firstDay() {
			return from == null ? null : from.toLocalDate();
		}

		LocalDate lastDay() {
			return to == null ? null : to.toLocalDate();
		}

		/**
		 * The month before the window's start (months are in each message's own offset).
		 */
		Integer firstMonth() {
			return from == null ? null : yyyymm(from.minusMonths(1));
		}

		/** The month after the window's end. */
		Integer lastMonth() {
			return to == null ? null : yyyymm(to.plusMonths(1));
		}

		private static int yyyymm(OffsetDateTime instant) {
			return instant.getYear() * 100 + instant.getMonthValue();
		}

	}

}
