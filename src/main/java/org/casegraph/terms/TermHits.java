package org.casegraph.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.casegraph.messaging.Message;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.network.Periods;
import org.casegraph.network.ScopeInput;
import org.casegraph.network.Scopes;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Values;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * The messages a version of a term list hits: the full-text index finds the candidates of
 * its words and phrases (every body is read only for regular expressions), and
 * {@link TermMatcher} keeps those that hold a term as whole words, with the offsets of
 * each hit; then counts per term, person, unit and month.
 */
@Component
class TermHits {

	static final int MAX_FIRST = 1000;

	private final String phraseCandidates = CypherScript.load("cypher/terms/phrase-candidates.cypher").single();

	private final String patternCandidates = CypherScript.load("cypher/terms/pattern-candidates.cypher").single();

	private final String senderUnits = CypherScript.load("cypher/terms/sender-units.cypher").single();

	private final String wholeMessages = CypherScript.load("cypher/terms/messages.cypher").single();

	private final TermLists lists;

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	TermHits(TermLists lists, ReadOnlyCypher cypher, Scopes scopes) {
		this.lists = lists;
		this.cypher = cypher;
		this.scopes = scopes;
	}

	Result hits(String name, Integer version, ScopeInput scopeInput, OffsetDateTime from, OffsetDateTime to,
			int first) {
		if (first < 0 || first > MAX_FIRST) {
			throw new BadRequestException("Argument 'first': %d is not between 0 and %d".formatted(first, MAX_FIRST));
		}
		TermList list = lists.version(name, version);
		TermMatcher matcher = new TermMatcher(list.terms());
		return cypher.read(statements -> {
			Scopes.Scope scope = (scopeInput == null || scopeInput.everyone()) ? null
					: scopes.resolve(statements, "scope", scopeInput, false);
			Tally tally = new Tally(matcher, scope);
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("from", from);
			parameters.put("to", to);
			String query = fullTextQuery(list);
			if (query != null) {
				parameters.put("query", query);
				statements.run(phraseCandidates, parameters).forEach(tally::add);
			}
			List<String> patterns = patterns(list);
			if (!patterns.isEmpty()) {
				parameters.put("patterns", patterns);
				statements.run(patternCandidates, parameters).forEach(tally::add);
			}
			Collection<Candidate> hit = tally.hits();
			UnitsOnTheDay units = new UnitsOnTheDay(statements.run(senderUnits, Map.of("ids", tally.senders())));
			List<Candidate> shown = Tally.oldest(hit, first);
			Map<String, Message> messages = whole(statements, shown);
			return result(list, hit, units,
					shown.stream().map(candidate -> candidate.shown(messages.get(candidate.id()))).toList());
		});
	}

	/** The messages shown, read whole, by id. */
	private Map<String, Message> whole(ReadOnlyCypher.Statements statements, List<Candidate> shown) {
		Map<String, Message> messages = new HashMap<>();
		for (Record row : statements.run(wholeMessages, Map.of("ids", shown.stream().map(Candidate::id).toList()))) {
			Message message = Message.from(row.get("m").asNode());
			messages.put(message.id(), message);
		}
		return messages;
	}

	/**
	 * The list's words and phrases as one full-text query: each quoted (a phrase query of
	 * its words in order), joined by OR; null when it has none.
	 */
	static String fullTextQuery(TermList list) {
		List<String> phrases = list.terms()
			.stream()
			.filter(term -> !term.regex())
			.map(term -> "\"" + String.join(" ", TermMatcher.words(term.text())) + "\"")
			.toList();
		return phrases.isEmpty() ? null : String.join(" OR ", phrases);
	}

	private static List<String> patterns(TermList list) {
		return list.terms()
			.stream()
			.filter(TermList.Term::regex)
			.map(term -> "(?is).*(?:" + term.text() + ").*")
			.toList();
	}

	private static Result result(TermList list, Collection<Candidate> hit, UnitsOnTheDay units, List<Match> shown) {
		// Hashed while counting, sorted once at the end (ids share long prefixes).
		Map<Integer, long[]> byTerm = new HashMap<>();
		Map<String, long[]> byPerson = new HashMap<>();
		Map<String, long[]> byUnit = new HashMap<>();
		// Keyed by YearMonth and named once at the end, not formatted again for every
		// message.
		Map<YearMonth, long[]> byMonth = new HashMap<>();
		long hits = 0;
		int[] perTerm = new int[list.terms().size()];
		for (Candidate candidate : hit) {
			int n = candidate.hits().size();
			hits += n;
			count(byPerson, candidate.sender(), n);
			units.forEachOf(candidate.sender(), candidate.day(), unit -> count(byUnit, unit, n));
			if (candidate.sentAt() != null) {
				count(byMonth, YearMonth.from(candidate.sentAt()), n);
			}
			// Over the message's own hits, not the whole list (up to 1000 terms): the
			// first hit of a term takes its count and clears it for the next message.
			candidate.hits().forEach(one -> perTerm[one.term()]++);
			for (TermMatcher.Hit one : candidate.hits()) {
				int t = one.term();
				if (perTerm[t] > 0) {
					long[] counts = byTerm.computeIfAbsent(t, key -> new long[2]);
					counts[0]++;
					counts[1] += perTerm[t];
					perTerm[t] = 0;
				}
			}
		}
		List<TermCount> terms = new ArrayList<>();
		for (int t = 0; t < list.terms().size(); t++) {
			long[] counts = byTerm.getOrDefault(t, new long[2]);
			terms.add(new TermCount(list.terms().get(t).text(), list.terms().get(t).regex(), counts[0], counts[1]));
		}
		return new Result(list.name(), list.version(), hit.size(), hits, terms, counts(byPerson), counts(byUnit),
				counts(byMonth), shown);
	}

	private static <K> void count(Map<K, long[]> counts, K key, long hits) {
		long[] pair = counts.computeIfAbsent(key, k -> new long[2]);
		pair[0]++;
		pair[1] += hits;
	}

	/** By key; a month's natural order is its name's (yyyy-MM). */
	private static <K extends Comparable<K>> List<KeyCount> counts(Map<K, long[]> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new KeyCount(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/**
	 * The messages hit so far, each once (a message both statements find is matched
	 * once), and only those the scope's people sent while they belonged.
	 */
	private static final class Tally {

		/**
		 * Oldest first, by the instant each holds: comparing date-times converts both.
		 */
		private static final Comparator<Candidate> OLDEST_FIRST = Comparator
			.comparing(Candidate::instant, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(Candidate::id);

		private final TermMatcher matcher;

		private final Scopes.Scope scope;

		private final Map<String, Candidate> hit = new HashMap<>();

		private final Set<String> seen = new HashSet<>();

		private final Set<String> senders = new HashSet<>();

		Tally(TermMatcher matcher, Scopes.Scope scope) {
			this.matcher = matcher;
			this.scope = scope;
		}

		void add(Record row) {
			String id = row.get("id").asString();
			if (!seen.add(id)) {
				return;
			}
			String sender = row.get("sender").asString();
			OffsetDateTime sentAt = Values.dateTime(row, "sentAt");
			LocalDate day = sentAt == null ? null : sentAt.toLocalDate();
			if (scope != null && !(scope.contains(sender) && (day == null || scope.periodsOf(sender).contains(day)))) {
				return;
			}
			String body = row.get("body").asString(null);
			List<TermMatcher.Hit> hits = matcher.find(body);
			if (!hits.isEmpty()) {
				hit.put(id, new Candidate(id, sentAt, sentAt == null ? null : sentAt.toInstant(), body, sender, hits));
				senders.add(sender);
			}
		}

		List<String> senders() {
			return List.copyOf(senders);
		}

		Collection<Candidate> hits() {
			return hit.values();
		}

		/**
		 * The {@code first} oldest of the messages hit, oldest first. The counts need no
		 * order, so only these are sorted: the newest kept so far is dropped for an older
		 * one (a list's thousands of hits, of which 100 are shown by default).
		 */
		static List<Candidate> oldest(Collection<Candidate> hit, int first) {
			if (first == 0) {
				return List.of();
			}
			PriorityQueue<Candidate> kept = new PriorityQueue<>(first, OLDEST_FIRST.reversed());
			for (Candidate candidate : hit) {
				if (kept.size() < first) {
					kept.add(candidate);
				}
				else if (OLDEST_FIRST.compare(candidate, kept.peek()) < 0) {
					kept.poll();
					kept.add(candidate);
				}
			}
			List<Candidate> shown = new ArrayList<>(kept);
			shown.sort(OLDEST_FIRST);
			return shown;
		}

	}

	/** A message hit, before it is read whole. */
	private record Candidate(String id, OffsetDateTime sentAt, Instant instant, String body, String sender,
			List<TermMatcher.Hit> hits) {

		LocalDate day() {
			return sentAt == null ? null : sentAt.toLocalDate();
		}

		Match shown(Message message) {
			List<Span> spans = hits.stream()
				.map(hit -> new Span(hit.text(), hit.start(), hit.end(), body.substring(hit.start(), hit.end())))
				.toList();
			return new Match(message, hits, spans);
		}

	}

	/** The units each sender was in, by day. */
	private static final class UnitsOnTheDay {

		private final Map<String, Map<String, Periods>> bySender;

		UnitsOnTheDay(List<Record> rows) {
			bySender = rows.stream()
				.collect(Collectors.groupingBy(row -> row.get("id").asString(),
						Collectors.groupingBy(row -> row.get("unit").asString(), Collectors.collectingAndThen(
								Collectors.mapping(UnitsOnTheDay::period, Collectors.toList()), Periods::of))));
		}

		private static Periods.Period period(Record row) {
			return Periods.period(Values.date(row, "from"), Values.date(row, "to"));
		}

		/** Each unit the sender was in on the day (none for a day not known). */
		void forEachOf(String sender, LocalDate day, Consumer<String> action) {
			if (day == null) {
				return;
			}
			for (Map.Entry<String, Periods> unit : bySender.getOrDefault(sender, Map.of()).entrySet()) {
				if (unit.getValue().contains(day)) {
					action.accept(unit.getKey());
				}
			}
		}

	}

	/**
	 * What a term list hit.
	 *
	 * @param messages messages with at least one hit
	 * @param hits hits in all
	 * @param matches the first messages hit, oldest first
	 */
	record Result(String list, int version, long messages, long hits, List<TermCount> terms, List<KeyCount> people,
			List<KeyCount> units, List<KeyCount> months, List<Match> matches) {
	}

	record TermCount(String term, boolean regex, long messages, long hits) {
	}

	record KeyCount(String key, long messages, long hits) {
	}

	/** A message hit, with where in its body. */
	record Match(Message message, List<TermMatcher.Hit> hits, List<Span> spans) {
	}

	/**
	 * One hit in a body.
	 *
	 * @param term the term as listed
	 * @param start offset of its first character (UTF-16 units)
	 * @param end offset just after its last
	 * @param text the body cut at the two offsets
	 */
	record Span(String term, int start, int end, String text) {
	}

}
