package org.casegraph.terms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.messaging.Message;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.network.ScopeInput;
import org.casegraph.network.Scopes;
import org.casegraph.query.BadRequestException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

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
			Tally tally = new Tally(list);
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("from", from);
			parameters.put("to", to);
			String query = fullTextQuery(list);
			if (query != null) {
				parameters.put("query", query);
				statements.run(phraseCandidates, parameters).forEach(row -> tally.add(row, matcher, scope));
			}
			List<String> patterns = patterns(list);
			if (!patterns.isEmpty()) {
				parameters.put("patterns", patterns);
				statements.run(patternCandidates, parameters).forEach(row -> tally.add(row, matcher, scope));
			}
			return tally.result(first);
		});
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

	/** What the hits add up to, one candidate at a time. */
	private static final class Tally {

		private final TermList list;

		private final Map<String, Match> matches = new HashMap<>();

		Tally(TermList list) {
			this.list = list;
		}

		void add(Record row, TermMatcher matcher, Scopes.Scope scope) {
			Message message = Message.from(row.get("m").asNode());
			if (matches.containsKey(message.id())) {
				return;
			}
			String sender = row.get("sender").asString();
			LocalDate day = message.sentAt() == null ? null : message.sentAt().toLocalDate();
			if (scope != null && !(scope.contains(sender) && (day == null || scope.periodsOf(sender).contains(day)))) {
				return;
			}
			List<TermMatcher.Hit> hits = matcher.find(message.body());
			if (hits.isEmpty()) {
				return;
			}
			List<Span> spans = hits.stream()
				.map(hit -> new Span(hit.text(), hit.start(), hit.end(),
						message.body().substring(hit.start(), hit.end())))
				.toList();
			matches.put(message.id(),
					new Match(message, sender, row.get("units").asList(Value::asString), hits, spans));
		}

		Result result(int first) {
			List<Match> ordered = matches.values()
				.stream()
				.sorted(Comparator
					.comparing((Match m) -> m.message().sentAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
					.thenComparing(m -> m.message().id()))
				.toList();
			Map<Integer, long[]> byTerm = new TreeMap<>();
			Map<String, long[]> byPerson = new TreeMap<>();
			Map<String, long[]> byUnit = new TreeMap<>();
			Map<String, long[]> byMonth = new TreeMap<>();
			long hits = 0;
			for (Match match : ordered) {
				hits += match.hits().size();
				count(byPerson, match.sender(), match.hits().size());
				match.units().forEach(unit -> count(byUnit, unit, match.hits().size()));
				if (match.message().sentAt() != null) {
					count(byMonth, YearMonth.from(match.message().sentAt()).toString(), match.hits().size());
				}
				Map<Integer, Long> perTerm = new LinkedHashMap<>();
				match.hits().forEach(hit -> perTerm.merge(hit.term(), 1L, Long::sum));
				perTerm.forEach((term, n) -> {
					long[] counts = byTerm.computeIfAbsent(term, key -> new long[2]);
					counts[0]++;
					counts[1] += n;
				});
			}
			List<TermCount> terms = new ArrayList<>();
			for (int t = 0; t < list.terms().size(); t++) {
				long[] counts = byTerm.getOrDefault(t, new long[2]);
				terms.add(new TermCount(list.terms().get(t).text(), list.terms().get(t).regex(), counts[0], counts[1]));
			}
			return new Result(list.name(), list.version(), ordered.size(), hits, terms, counts(byPerson),
					counts(byUnit), counts(byMonth), ordered.stream().limit(first).toList());
		}

		private static void count(Map<String, long[]> counts, String key, long hits) {
			long[] pair = counts.computeIfAbsent(key, k -> new long[2]);
			pair[0]++;
			pair[1] += hits;
		}

		private static List<KeyCount> counts(Map<String, long[]> counts) {
			return counts.entrySet()
				.stream()
				.map(e -> new KeyCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
				.toList();
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
	record Match(Message message, String sender, List<String> units, List<TermMatcher.Hit> hits, List<Span> spans) {
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
