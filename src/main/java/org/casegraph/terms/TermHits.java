package org.casegraph.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casegraph.messaging.Message;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.KeptAnswers;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.StoreVersion;
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
 * each hit; then counts per term, person, unit and month, over the messages a scope's
 * people sent while they belonged.
 * <p>
 * A saved version never changes, so what it hits changes only with the data: the hits of
 * a version and window are kept, with each sender's units on the day, until the next
 * write to the store ({@link StoreVersion}), and a request then reads only its scope and
 * the messages it shows that no ask of the question has shown before. Finding them again
 * cost about 150 ms of a 180 ms request for 12,000 messages hit among a million.
 */
@Component
class TermHits {

	static final int MAX_FIRST = 1000;

	/**
	 * Most messages hit kept in all, over every version and window (each with its id,
	 * sender, time, hits and the words they cut out): the bench's 20-term list hits
	 * 12,157 of a million messages.
	 */
	private static final long MAX_KEPT = 250_000;

	private final String phraseCandidates = CypherScript.load("cypher/terms/phrase-candidates.cypher").single();

	private final String patternCandidates = CypherScript.load("cypher/terms/pattern-candidates.cypher").single();

	private final String senderUnits = CypherScript.load("cypher/terms/sender-units.cypher").single();

	private final String wholeMessages = CypherScript.load("cypher/terms/messages.cypher").single();

	private final TermLists lists;

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	private final KeptAnswers<Question, Found> kept;

	TermHits(TermLists lists, ReadOnlyCypher cypher, Scopes scopes, StoreVersion storeVersion) {
		this.lists = lists;
		this.cypher = cypher;
		this.scopes = scopes;
		this.kept = new KeptAnswers<>(storeVersion, MAX_KEPT, found -> found.hit().size());
	}

	Result hits(String name, Integer version, ScopeInput scopeInput, OffsetDateTime from, OffsetDateTime to,
			int first) {
		if (first < 0 || first > MAX_FIRST) {
			throw new BadRequestException("Argument 'first': %d is not between 0 and %d".formatted(first, MAX_FIRST));
		}
		TermList list = lists.version(name, version);
		Question question = new Question(list.name(), list.version(), instant(from), instant(to));
		return cypher.read(statements -> {
			Scopes.Scope scope = (scopeInput == null || scopeInput.everyone()) ? null
					: scopes.resolve(statements, "scope", scopeInput, false);
			Found found = kept.get(question, () -> find(statements, list, from, to));
			List<Candidate> hit = scope == null ? found.hit()
					: found.hit()
						.stream()
						.filter(candidate -> scope.belonged(candidate.sender(), candidate.day()))
						.toList();
			Counts counts = scope == null ? found.everyone() : Counts.of(list, hit);
			List<Candidate> shown = hit.subList(0, Math.min(first, hit.size()));
			Map<String, Message> messages = whole(statements, shown, found);
			return counts.result(list,
					shown.stream().map(candidate -> candidate.shown(messages.get(candidate.id()))).toList());
		});
	}

	private Found find(ReadOnlyCypher.Statements statements, TermList list, OffsetDateTime from, OffsetDateTime to) {
		Tally tally = new Tally(new TermMatcher(list.terms()));
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
		List<Candidate> hit = tally.inUnits(statements.run(senderUnits, Map.of("ids", tally.senders())));
		hit.sort(Candidate.OLDEST_FIRST);
		return new Found(List.copyOf(hit), Counts.of(list, hit), new ConcurrentHashMap<>());
	}

	/**
	 * The messages shown, whole, by id: those a question's asks have read before are kept
	 * with its hits (up to {@link #MAX_FIRST}), so asking it again reads none.
	 */
	private Map<String, Message> whole(ReadOnlyCypher.Statements statements, List<Candidate> shown, Found found) {
		Map<String, Message> messages = new HashMap<>();
		List<String> unread = new ArrayList<>();
		for (Candidate candidate : shown) {
			Message kept = found.whole().get(candidate.id());
			if (kept != null) {
				messages.put(kept.id(), kept);
			}
			else {
				unread.add(candidate.id());
			}
		}
		if (unread.isEmpty()) {
			return messages;
		}
		for (Record row : statements.run(wholeMessages, Map.of("ids", unread))) {
			Message message = Message.from(row.get("m").asNode());
			messages.put(message.id(), message);
			if (found.whole().size() < MAX_FIRST) {
				found.whole().put(message.id(), message);
			}
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

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	/**
	 * The counts over some of the messages a version hits.
	 *
	 * @param messages messages with at least one hit
	 * @param hits hits in all
	 */
	private record Counts(long messages, long hits, List<TermCount> terms, List<KeyCount> people, List<KeyCount> units,
			List<KeyCount> months) {

		static Counts of(TermList list, List<Candidate> hit) {
			// Hashed while counting, sorted once at the end (ids share long prefixes).
			Map<Integer, long[]> byTerm = new HashMap<>();
			Map<String, long[]> byPerson = new HashMap<>();
			Map<String, long[]> byUnit = new HashMap<>();
			// Keyed by the month's number and named once at the end: a YearMonth's hash
			// puts a year's months in one bucket.
			Map<Integer, long[]> byMonth = new HashMap<>();
			long hits = 0;
			int[] perTerm = new int[list.terms().size()];
			for (Candidate candidate : hit) {
				int n = candidate.hits().size();
				hits += n;
				count(byPerson, candidate.sender(), n);
				for (String unit : candidate.units()) {
					count(byUnit, unit, n);
				}
				if (candidate.month() != Candidate.NO_MONTH) {
					count(byMonth, candidate.month(), n);
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
			return new Counts(hit.size(), hits, terms, sorted(byPerson, String::toString),
					sorted(byUnit, String::toString), sorted(byMonth, Candidate::monthName));
		}

		Result result(TermList list, List<Match> shown) {
			return new Result(list.name(), list.version(), messages, hits, terms, people, units, months, shown);
		}

		private static <K> void count(Map<K, long[]> counts, K key, long hits) {
			long[] pair = counts.computeIfAbsent(key, k -> new long[2]);
			pair[0]++;
			pair[1] += hits;
		}

		/** By key; a month's number orders it as its name (yyyy-MM) does. */
		private static <K extends Comparable<K>> List<KeyCount> sorted(Map<K, long[]> counts,
				Function<K, String> name) {
			return counts.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map(e -> new KeyCount(name.apply(e.getKey()), e.getValue()[0], e.getValue()[1]))
				.toList();
		}

	}

	/**
	 * A question's messages hit, whoever sent them.
	 *
	 * @param hit the messages, oldest first
	 * @param everyone the counts over all of them
	 * @param whole those of them shown so far, read whole, by id (as kept as the hits:
	 * the next write leaves both out of date)
	 */
	private record Found(List<Candidate> hit, Counts everyone, Map<String, Message> whole) {
	}

	/** What is the same for every scope: the version and the window. */
	private record Question(String list, int version, Instant from, Instant to) {
	}

	/**
	 * The messages hit so far, each once (a message both statements find is matched
	 * once), by sender, so that each sender's units are looked up once for all their
	 * messages.
	 */
	private static final class Tally {

		private final TermMatcher matcher;

		private final Set<String> seen = new HashSet<>();

		private final Map<String, List<Candidate>> bySender = new HashMap<>();

		private int hit;

		Tally(TermMatcher matcher) {
			this.matcher = matcher;
		}

		void add(Record row) {
			String id = row.get("id").asString();
			if (!seen.add(id)) {
				return;
			}
			String body = row.get("body").asString(null);
			List<TermMatcher.Hit> hits = matcher.find(body);
			if (hits.isEmpty()) {
				return;
			}
			OffsetDateTime sentAt = Values.dateTime(row, "sentAt");
			List<Span> spans = hits.stream()
				.map(one -> new Span(one.text(), one.start(), one.end(), body.substring(one.start(), one.end())))
				.toList();
			bySender.computeIfAbsent(row.get("sender").asString(), sender -> new ArrayList<>())
				.add(Candidate.of(id, sentAt, hits, spans));
			hit++;
		}

		List<String> senders() {
			return List.copyOf(bySender.keySet());
		}

		/**
		 * Every message hit, in no order, each with its sender and their units on the day
		 * it was sent.
		 * @param memberships rows of sender-units.cypher for {@link #senders()}
		 */
		List<Candidate> inUnits(List<Record> memberships) {
			Map<String, List<UnitDays>> units = UnitDays.bySender(memberships);
			List<Candidate> all = new ArrayList<>(hit);
			bySender.forEach((sender, sent) -> {
				List<UnitDays> theirs = units.getOrDefault(sender, List.of());
				for (Candidate candidate : sent) {
					all.add(candidate.sentBy(sender, UnitDays.on(theirs, candidate.day())));
				}
			});
			return all;
		}

	}

	/**
	 * A message hit, before it is read whole: with what the counts and the order read
	 * worked out once, since a question's hits are kept and counted again for each scope.
	 *
	 * @param month the month it was sent, numbered ({@link #monthNumber}), or
	 * {@link #NO_MONTH}
	 * @param units the sender's units on the day it was sent
	 */
	private record Candidate(String id, Instant instant, LocalDate day, int month, String sender,
			List<TermMatcher.Hit> hits, List<Span> spans, List<String> units) {

		/** By time, an unknown one first, then by id; compared field by field. */
		static final Comparator<Candidate> OLDEST_FIRST = (a, b) -> {
			int byTime = (a.instant == null || b.instant == null)
					? Boolean.compare(a.instant != null, b.instant != null) : a.instant.compareTo(b.instant);
			return (byTime != 0) ? byTime : a.id.compareTo(b.id);
		};

		static final int NO_MONTH = Integer.MIN_VALUE;

		static Candidate of(String id, OffsetDateTime sentAt, List<TermMatcher.Hit> hits, List<Span> spans) {
			if (sentAt == null) {
				return new Candidate(id, null, null, NO_MONTH, null, hits, spans, List.of());
			}
			return new Candidate(id, sentAt.toInstant(), sentAt.toLocalDate(), monthNumber(sentAt), null, hits, spans,
					List.of());
		}

		/** Months in order, numbered from year 0: year * 12 + month - 1. */
		static int monthNumber(OffsetDateTime at) {
			return at.getYear() * 12 + at.getMonthValue() - 1;
		}

		static String monthName(int number) {
			return YearMonth.of(Math.floorDiv(number, 12), Math.floorMod(number, 12) + 1).toString();
		}

		Candidate sentBy(String sender, List<String> units) {
			return new Candidate(id, instant, day, month, sender, hits, spans, units);
		}

		Match shown(Message message) {
			return new Match(message, hits, spans);
		}

	}

	/** The days a sender was in a unit. */
	private record UnitDays(String unit, Periods periods) {

		static Map<String, List<UnitDays>> bySender(List<Record> rows) {
			return rows.stream()
				.collect(
						Collectors.groupingBy(row -> row.get("id").asString(),
								Collectors.collectingAndThen(
										Collectors.groupingBy(row -> row.get("unit").asString(),
												Collectors.mapping(UnitDays::period, Collectors.toList())),
										UnitDays::of)));
		}

		private static List<UnitDays> of(Map<String, List<Periods.Period>> byUnit) {
			return byUnit.entrySet()
				.stream()
				.map(unit -> new UnitDays(unit.getKey(), Periods.of(unit.getValue())))
				.toList();
		}

		private static Periods.Period period(Record row) {
			return Periods.period(Values.date(row, "from"), Values.date(row, "to"));
		}

		/**
		 * The units among a sender's that they were in on the day (none for a day not
		 * known).
		 */
		static List<String> on(List<UnitDays> units, LocalDate day) {
			if (day == null || units.isEmpty()) {
				return List.of();
			}
			List<String> in = new ArrayList<>(units.size());
			for (UnitDays unit : units) {
				if (unit.periods().contains(day)) {
					in.add(unit.unit());
				}
			}
			return List.copyOf(in);
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
