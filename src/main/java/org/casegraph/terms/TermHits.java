package org.casegraph.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import org.casegraph.ingest.ImportFinished;
import org.casegraph.messaging.Message;
import org.casegraph.neo4j.BackgroundWork;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.InputsGenerations;
import org.casegraph.neo4j.KeptAnswers;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.neo4j.WatchedInputs;
import org.casegraph.network.Periods;
import org.casegraph.network.ScopeInput;
import org.casegraph.network.Scopes;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.Values;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
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
 * <p>
 * So a version's hits are kept in the store as well ({@link StoredHits}), under the
 * generation of what they read ({@link #INPUTS}, raised by every write that changes it):
 * a first ask after a restart or after a write elsewhere reads them, about a tenth of
 * finding them. Hits a few writes have left out of date are brought up to date from the
 * ids those writes changed, which the generation logs: only their messages are read
 * again. They are worked out as a version is saved, as an import ends, after an ask that
 * found none, and a moment after any other write that changed what they read. The hits a
 * version last read from the store or kept there stay in memory under their stamp, which
 * only keeping other hits changes: while the store keeps it, neither array is read or
 * decoded again.
 */
@Component
public class TermHits {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TermHits.class);

	static final int MAX_FIRST = 1000;

	/**
	 * How many parts finding hits from the messages is cut into, to be read side by side
	 * (each part runs the full-text query again).
	 */
	private static final int PARTS = ReadOnlyCypher.SIDE_BY_SIDE;

	/**
	 * Most messages hit kept in all, over every version and window (each with its id,
	 * sender, time, hits and the words they cut out): the bench's 20-term list hits
	 * 12,157 of a million messages.
	 */
	private static final long MAX_KEPT = 250_000;

	/**
	 * How long no write may change what hits read before the latest versions' hits are
	 * worked out again.
	 */
	private static final Duration SETTLED = Duration.ofSeconds(1);

	private final String phraseCandidates = CypherScript.load("cypher/terms/phrase-candidates.cypher").single();

	private final String patternCandidates = CypherScript.load("cypher/terms/pattern-candidates.cypher").single();

	private final String senderUnits = CypherScript.load("cypher/terms/sender-units.cypher").single();

	private final String wholeMessages = CypherScript.load("cypher/terms/messages.cypher").single();

	private final String keptHits = CypherScript.load("cypher/terms/kept-hits.cypher").single();

	private final String keepHits = CypherScript.load("cypher/terms/keep-hits.cypher").single();

	private final String keptRestOf = CypherScript.load("cypher/terms/kept-rest.cypher").single();

	private final String keptCurrent = CypherScript.load("cypher/terms/kept-current.cypher").single();

	private final String changedPeople = CypherScript.load("cypher/terms/changed-people.cypher").single();

	private final String changedMessages = CypherScript.load("cypher/terms/changed-messages.cypher").single();

	private final TermLists lists;

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	private final KeptAnswers<Question, Found> kept;

	/**
	 * The hits each version last had read from the store or kept there, by version, as
	 * long as the store keeps the same stamp: a write leaves the answers kept in memory
	 * out of date, not these, which are known by what the store holds. Bringing hits a
	 * write left out of date up to date then reads neither array and decodes none of the
	 * messages hit again (at 10,000,000 messages 120,000, decoded at each ask after each
	 * write, and copied by the collector while kept).
	 */
	private final Cache<String, StoredHits> decoded = Caffeine.newBuilder()
		.maximumWeight(MAX_KEPT)
		.weigher((String id, StoredHits hits) -> hits.weight() + 1)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	private final BulkCypher writes;

	private final StoreVersion storeVersion;

	/**
	 * Whether every write raises the generation of what hits are worked out from: only
	 * then are hits kept in the store (on an external database nothing watches its
	 * writes).
	 */
	private final boolean storeKeeps;

	/**
	 * Where an ask's hits are written to the store, after its answer, so that the asker
	 * does not wait for the write, and where the latest versions' hits are worked out
	 * again once what they read has changed: one at a time, in the order asked.
	 */
	private final ScheduledThreadPoolExecutor keeping = keeping();

	/** The latest versions' hits to be worked out again, once writes have settled. */
	private final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();

	TermHits(TermLists lists, ReadOnlyCypher cypher, Scopes scopes, StoreVersion storeVersion, BulkCypher writes,
			ObjectProvider<InputsGenerations> generations) {
		this.lists = lists;
		this.cypher = cypher;
		this.scopes = scopes;
		this.kept = new KeptAnswers<>(storeVersion, MAX_KEPT, found -> (int) found.everyone().messages());
		this.writes = writes;
		this.storeVersion = storeVersion;
		InputsGenerations watching = generations.getIfAvailable();
		this.storeKeeps = watching != null && watching.watches(INPUTS.name());
		if (storeKeeps) {
			watching.onRaised(INPUTS.name(), this::inputsChanged);
		}
	}

	private static ScheduledThreadPoolExecutor keeping() {
		ScheduledThreadPoolExecutor keeping = new ScheduledThreadPoolExecutor(1,
				BackgroundWork.threads("term-hits-keeping"));
		// Work out again after a stop has begun only what was asked before it.
		keeping.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return keeping;
	}

	/**
	 * What a version's hits are worked out from: the messages (their bodies and times),
	 * who sent them, and the units the senders were in when.
	 */
	static final WatchedInputs INPUTS = new WatchedInputs("term-hits",
			Set.of("Message", "Membership", "Entity", "Unit"), Set.of("id", "body", "sentAt", "from", "to"),
			Set.of("SENT", "HAS_MEMBERSHIP", "IN_UNIT"));

	Result hits(String name, Integer version, ScopeInput scopeInput, OffsetDateTime from, OffsetDateTime to,
			int first) {
		if (first < 0 || first > MAX_FIRST) {
			throw new BadRequestException("Argument 'first': %d is not between 0 and %d".formatted(first, MAX_FIRST));
		}
		TermList list = lists.version(name, version);
		Question question = new Question(list.name(), list.version(), instant(from), instant(to));
		List<Unkept> unkept = new ArrayList<>(1);
		Result result = cypher.read(statements -> {
			Scopes.Scope scope = (scopeInput == null || scopeInput.everyone()) ? null
					: scopes.resolve(statements, "scope", scopeInput, false);
			Found found = kept.get(question, () -> found(statements, list, question, scope != null, unkept));
			Counts counts;
			List<Candidate> shown;
			if (scope == null) {
				counts = found.everyone();
				shown = found.first(first);
			}
			else {
				List<Candidate> hit = found.all(statements)
					.stream()
					.filter(candidate -> scope.belonged(candidate.sender(), candidate.day()))
					.toList();
				counts = Counts.of(list, hit);
				shown = hit.subList(0, Math.min(first, hit.size()));
			}
			Map<String, Message> messages = whole(statements, shown, found);
			return counts.result(list,
					shown.stream().map(candidate -> candidate.shown(messages.get(candidate.id()))).toList());
		});
		unkept.forEach(worked -> keeping.execute(() -> keepQuietly(worked)));
		return result;
	}

	/**
	 * After a commit that changed what hits read (a merge, a Bolt client's write, each
	 * batch of an import): the latest versions' hits are worked out again once no such
	 * commit has come for {@link #SETTLED}, so an import's batches cost one working out,
	 * after the last.
	 */
	private void inputsChanged() {
		try {
			ScheduledFuture<?> next = keeping.schedule(this::workOutLatestQuietly, SETTLED.toMillis(),
					TimeUnit.MILLISECONDS);
			ScheduledFuture<?> before = pending.getAndSet(next);
			if (before != null) {
				before.cancel(false);
			}
		}
		catch (RejectedExecutionException stopping) {
			// Left to the next ask, or the next start's first.
		}
	}

	private void workOutLatestQuietly() {
		try {
			workOutLatest();
		}
		catch (RuntimeException ex) {
			log.warn("the term lists' hits were not worked out again after a write ({}); left to the next ask",
					ex.getMessage());
		}
	}

	/** Lets go of the hits held in memory by their stamp, as a restart starts without. */
	void forgetDecoded() {
		decoded.invalidateAll();
	}

	/**
	 * Whether no keeping is waiting or under way: what drops kept hits waits for it, or
	 * hits worked out in the background after an earlier write could be kept again after
	 * the drop.
	 */
	public boolean idle() {
		return keeping.getQueue().isEmpty() && keeping.getActiveCount() == 0;
	}

	/** The keeping left to do when the application stops, for as long as it takes. */
	@PreDestroy
	void close() throws InterruptedException {
		keeping.shutdown();
		if (!keeping.awaitTermination(30, TimeUnit.SECONDS)) {
			log.warn("term hits still being kept in the store after 30 s; left to the next ask");
		}
	}

	/**
	 * Works out the hits of the latest version of every list again and keeps them in the
	 * store, so that the first ask after an import reads them rather than the messages.
	 */
	@EventListener
	void imported(ImportFinished finished) {
		if (storeKeeps) {
			workOutLatest();
		}
	}

	private void workOutLatest() {
		Map<String, TermList> latest = new LinkedHashMap<>();
		lists.all(null).forEach(list -> latest.put(list.name(), list));
		latest.values().forEach(this::workOut);
	}

	/** Works out a version's hits as it is saved, and keeps them in the store. */
	@EventListener
	void saved(TermLists.Saved saved) {
		if (storeKeeps) {
			workOut(saved.list());
		}
	}

	/**
	 * Works out a version's hits and keeps them in the store, unless it keeps them
	 * already.
	 */
	private void workOut(TermList list) {
		Unkept worked = cypher.read(statements -> {
			Record kept = statements.run(keptCurrent, Map.of("id", list.id())).getFirst();
			if (kept.get("current").asBoolean()) {
				return null;
			}
			List<Unkept> unkept = new ArrayList<>(1);
			found(statements, list, new Question(list.name(), list.version(), null, null), false, unkept);
			return unkept.isEmpty() ? null : unkept.getFirst();
		});
		if (worked != null) {
			keep(worked);
		}
	}

	/**
	 * A question's hits: those the store keeps for its version, in its window, brought up
	 * to date if writes the generation's log follows have changed what they read since;
	 * otherwise worked out from the messages. Hits of the whole version that were not
	 * kept as they are now are added to {@code unkept}, to be kept in the store after
	 * this read, under the generation read before it. Kept hits are read as far as the
	 * head of counts and first messages unless {@code every} (a scope's ask) or a window
	 * needs them all; a later scope's ask of the same hits reads the rest then.
	 */
	private Found found(ReadOnlyCypher.Statements statements, TermList list, Question question, boolean every,
			List<Unkept> unkept) {
		if (!storeKeeps) {
			return find(statements, list, question.from(), question.to());
		}
		boolean windowed = question.from() != null || question.to() != null;
		StoredHits inMemory = decoded.getIfPresent(list.id());
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", list.id());
		parameters.put("whole", every || windowed);
		parameters.put("decoded", inMemory == null ? null : inMemory.stamp());
		parameters.put("decodedAll", inMemory != null && inMemory.holdsAll());
		Record stored = statements.run(keptHits, parameters).getFirst();
		StoredHits read = stored.get("inMemory").asBoolean() ? inMemory : decode(list, stored.get("hits"));
		boolean current = read != null && stored.get("changed").isNull();
		Supplier<byte[]> rest = () -> bytes(stored.get("rest"));
		if (current && !windowed) {
			if (every) {
				// Read now, from the rest this read took, for the scope that asks next.
				read.all(rest);
			}
			return new Found(read.counts(), read::first, later -> {
				List<Candidate> all = read.all(() -> keptRest(later, list));
				return (all != null) ? all : find(later, list, null, null).all(later);
			});
		}
		List<Candidate> kept = (read == null) ? null : read.all(rest);
		if (current && kept != null) {
			return Found.of(list, within(kept, question.from(), question.to()));
		}
		if (kept == null && windowed) {
			return find(statements, list, question.from(), question.to());
		}
		Found whole = (kept == null) ? find(statements, list, null, null)
				: broughtUpToDate(statements, list, read.counts(), kept, stored.get("changed").asList(Value::asString));
		List<Candidate> all = whole.all(statements);
		unkept.add(new Unkept(list, stored.get("generation").asLong(), all, whole.everyone()));
		return windowed ? Found.of(list, within(all, question.from(), question.to())) : whole;
	}

	/**
	 * Hits read from the store's head, kept in memory under their stamp; null for none.
	 */
	private StoredHits decode(TermList list, Value head) {
		StoredHits read = head.isNull() ? null : StoredHits.of(head.asByteArray(), list);
		if (read != null) {
			decoded.put(list.id(), read);
		}
		return read;
	}

	/**
	 * The rest of the hits the store keeps for a version, after their head: null when
	 * none are kept.
	 */
	private byte[] keptRest(ReadOnlyCypher.Statements statements, TermList list) {
		List<Record> rows = statements.run(keptRestOf, Map.of("id", list.id()));
		return rows.isEmpty() ? null : bytes(rows.getFirst().get("rest"));
	}

	private static byte[] bytes(Value value) {
		return value.isNull() ? null : value.asByteArray();
	}

	/**
	 * Kept hits brought up to date after writes that changed the ids {@code changed}: the
	 * messages among them, and the messages hit of the people among them or whose
	 * memberships or units are among them, are read again and matched as finding them
	 * would (a candidate of the full-text index or of a pattern, then matched); the rest
	 * of the kept hits stand, and the kept counts are adjusted by what was read again.
	 */
	private Found broughtUpToDate(ReadOnlyCypher.Statements statements, TermList list, Counts counts,
			List<Candidate> kept, List<String> changed) {
		Set<String> people = new HashSet<>(changed);
		if (!changed.isEmpty()) {
			statements.run(changedPeople, Map.of("ids", changed)).forEach(row -> people.add(row.get("id").asString()));
		}
		Set<String> reread = new HashSet<>(changed);
		List<Candidate> hit = new ArrayList<>(kept.size());
		List<Candidate> removed = new ArrayList<>();
		for (Candidate candidate : kept) {
			if (reread.contains(candidate.id()) || people.contains(candidate.sender())) {
				reread.add(candidate.id());
				removed.add(candidate);
			}
			else {
				hit.add(candidate);
			}
		}
		Tally tally = new Tally(new TermMatcher(list.terms()), Candidacy.of(list));
		if (!reread.isEmpty()) {
			statements.run(changedMessages, Map.of("ids", List.copyOf(reread))).forEach(tally::add);
		}
		List<Candidate> added = tally.senders().isEmpty() ? List.of()
				: tally.inUnits(UnitDays.bySender(statements.run(senderUnits, Map.of("ids", tally.senders()))));
		return Found.of(counts.adjusted(list, removed, added), inOrder(hit, added));
	}

	/**
	 * Messages oldest first with others put in their places: the thousands already in
	 * order are not sorted again.
	 */
	private static List<Candidate> inOrder(List<Candidate> oldestFirst, List<Candidate> others) {
		if (others.isEmpty()) {
			return oldestFirst;
		}
		List<Candidate> placed = new ArrayList<>(others);
		placed.sort(Candidate.OLDEST_FIRST);
		List<Candidate> all = new ArrayList<>(oldestFirst.size() + placed.size());
		int from = 0;
		for (Candidate other : placed) {
			int found = Collections.binarySearch(oldestFirst.subList(from, oldestFirst.size()), other,
					Candidate.OLDEST_FIRST);
			int at = from + ((found >= 0) ? found : -found - 1);
			all.addAll(oldestFirst.subList(from, at));
			all.add(other);
			from = at;
		}
		all.addAll(oldestFirst.subList(from, oldestFirst.size()));
		return all;
	}

	/** Two lists of messages oldest first, merged. */
	private static List<Candidate> merged(List<Candidate> a, List<Candidate> b) {
		List<Candidate> all = new ArrayList<>(a.size() + b.size());
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			all.add((Candidate.OLDEST_FIRST.compare(a.get(i), b.get(j)) <= 0) ? a.get(i++) : b.get(j++));
		}
		all.addAll(a.subList(i, a.size()));
		all.addAll(b.subList(j, b.size()));
		return all;
	}

	/**
	 * Those sent in the window (a bound null for none), as the statements select them.
	 */
	private static List<Candidate> within(List<Candidate> hit, Instant from, Instant to) {
		List<Candidate> in = new ArrayList<>();
		for (Candidate candidate : hit) {
			Instant at = candidate.instant();
			if (at != null && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to))) {
				in.add(candidate);
			}
		}
		return in;
	}

	/**
	 * Keeps a version's hits in the store, unless what they were worked out from changed
	 * after the generation they were read at. A write of what no kept answer reads but
	 * these hits themselves.
	 */
	private void keep(Unkept unkept) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", unkept.list().id());
		parameters.put("list", unkept.list().name());
		parameters.put("version", unkept.list().version());
		parameters.put("generation", unkept.generation());
		StoredHits.Encoded encoded = StoredHits.encode(unkept.hit(), unkept.counts());
		parameters.put("hits", encoded.head());
		parameters.put("rest", encoded.rest());
		long stamp = encoded.stamp();
		parameters.put("stamp", stamp);
		parameters.put("messages", unkept.hit().size());
		List<Map<String, Object>> kept = storeVersion
			.keptThrough(() -> writes.write(tx -> tx.list(keepHits, parameters)));
		if (((Number) kept.getFirst().get("kept")).longValue() == 0) {
			return;
		}
		decoded.put(unkept.list().id(), StoredHits.held(stamp, unkept.list(), unkept.counts(), unkept.hit()));
	}

	/**
	 * Keeps hits an ask worked out: a failure (the database stopping, say) leaves them to
	 * be worked out by the next ask.
	 */
	private void keepQuietly(Unkept unkept) {
		try {
			keep(unkept);
		}
		catch (RuntimeException ex) {
			log.warn("term list {} version {}: its hits were not kept in the store ({})", unkept.list().name(),
					unkept.list().version(), ex.getMessage());
		}
	}

	/**
	 * A version's hits worked out, to be kept in the store.
	 *
	 * @param generation the generation of the data read, read before it
	 */
	private record Unkept(TermList list, long generation, List<Candidate> hit, Counts counts) {
	}

	/**
	 * Hits found from the messages, in {@link #PARTS} parts read side by side on the
	 * cores that are free: first the candidates, read and matched by the messages' node
	 * numbers; then, by their senders, the senders' units, the messages' units on the
	 * day, their order and their counts. Each part is a transaction of its own, as each
	 * statement sees what was committed when it ran.
	 */
	private Found find(ReadOnlyCypher.Statements statements, TermList list, Instant from, Instant to) {
		TermMatcher matcher = new TermMatcher(list.terms());
		String query = fullTextQuery(list);
		List<String> patterns = patterns(list);
		List<Function<ReadOnlyCypher.Statements, Tally>> byMessage = new ArrayList<>(PARTS);
		for (int part = 0; part < PARTS; part++) {
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("from", dateTime(from));
			parameters.put("to", dateTime(to));
			parameters.put("parts", PARTS);
			parameters.put("part", part);
			byMessage.add(reads -> candidates(reads, new Tally(matcher, null), query, patterns, parameters));
		}
		List<Tally> tallies = cypher.readSideBySide(byMessage);
		List<String> senders = tallies.stream().flatMap(tally -> tally.senders().stream()).distinct().toList();
		List<Function<ReadOnlyCypher.Statements, Found>> bySender = new ArrayList<>(PARTS);
		for (List<String> theirs : ReadOnlyCypher.inParts(senders)) {
			bySender.add(reads -> {
				Map<String, List<UnitDays>> units = UnitDays.bySender(reads.run(senderUnits, Map.of("ids", theirs)));
				List<Candidate> hit = Tally.inUnits(tallies, theirs, units);
				hit.sort(Candidate.OLDEST_FIRST);
				return Found.of(list, hit);
			});
		}
		List<Found> parts = cypher.readSideBySide(bySender);
		if (parts.isEmpty()) {
			return Found.of(list, List.of());
		}
		Counts counts = parts.getFirst().everyone();
		List<Candidate> hit = parts.getFirst().all(statements);
		for (Found part : parts.subList(1, parts.size())) {
			counts = counts.plus(part.everyone());
			hit = merged(hit, part.all(statements));
		}
		return Found.of(counts, hit);
	}

	/** One part's candidates, matched. */
	private Tally candidates(ReadOnlyCypher.Statements statements, Tally tally, String query, List<String> patterns,
			Map<String, Object> parameters) {
		if (query != null) {
			parameters.put("query", query);
			statements.run(phraseCandidates, parameters).forEach(tally::add);
		}
		if (!patterns.isEmpty()) {
			parameters.put("patterns", patterns);
			statements.run(patternCandidates, parameters).forEach(tally::add);
		}
		return tally;
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

	private static OffsetDateTime dateTime(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	/**
	 * The counts over some of the messages a version hits.
	 *
	 * @param messages messages with at least one hit
	 * @param hits hits in all
	 */
	record Counts(long messages, long hits, List<TermCount> terms, List<KeyCount> people, List<KeyCount> units,
			List<KeyCount> months) {

		static Counts of(TermList list, List<Candidate> hit) {
			return new Counting(list, null).add(hit, 1).counts();
		}

		/**
		 * These counts, of the messages a version hit, with the messages {@code removed}
		 * (among those counted) taken out and {@code added} put in: as counting the
		 * messages hit after the change would give them, without counting every one again
		 * (about half of bringing 12,000 kept hits up to date after one edit).
		 */
		Counts adjusted(TermList list, List<Candidate> removed, List<Candidate> added) {
			return new Counting(list, this).add(removed, -1).add(added, 1).counts();
		}

		/**
		 * These counts and {@code other}'s, of other messages of the same list, together:
		 * as counting both sets of messages at once would give them.
		 */
		Counts plus(Counts other) {
			List<TermCount> both = new ArrayList<>(terms.size());
			for (int t = 0; t < terms.size(); t++) {
				TermCount one = terms.get(t);
				TermCount another = other.terms().get(t);
				both.add(new TermCount(one.term(), one.regex(), one.messages() + another.messages(),
						one.hits() + another.hits()));
			}
			Comparator<String> byName = Comparator.naturalOrder();
			return new Counts(messages + other.messages(), hits + other.hits(), List.copyOf(both),
					merged(people, other.people(), byName), merged(units, other.units(), byName),
					merged(months, other.months(), Comparator.comparingInt(Candidate::monthNumber)));
		}

		/** Two lists of counts in the keys' order, with a key in both counted once. */
		private static List<KeyCount> merged(List<KeyCount> a, List<KeyCount> b, Comparator<String> order) {
			List<KeyCount> all = new ArrayList<>(a.size() + b.size());
			int i = 0;
			int j = 0;
			while (i < a.size() && j < b.size()) {
				int byKey = order.compare(a.get(i).key(), b.get(j).key());
				if (byKey == 0) {
					KeyCount one = a.get(i++);
					KeyCount another = b.get(j++);
					all.add(new KeyCount(one.key(), one.messages() + another.messages(), one.hits() + another.hits()));
				}
				else {
					all.add((byKey < 0) ? a.get(i++) : b.get(j++));
				}
			}
			all.addAll(a.subList(i, a.size()));
			all.addAll(b.subList(j, b.size()));
			return Collections.unmodifiableList(all);
		}

		Result result(TermList list, List<Match> shown) {
			return new Result(list.name(), list.version(), messages, hits, terms, people, units, months, shown);
		}

	}

	/**
	 * Counts being made: per term (by its place in the list), person, unit and month,
	 * each a pair of messages and hits.
	 */
	private static final class Counting {

		private final TermList list;

		/** Messages and hits of each term, by its place in the list. */
		private final long[] termMessages;

		private final long[] termHits;

		private final Keyed<String> byPerson;

		private final Keyed<String> byUnit;

		/**
		 * Keyed by the month's number and named at the end: a YearMonth's hash puts a
		 * year's months in one bucket.
		 */
		private final Keyed<Integer> byMonth;

		private final int[] perTerm;

		private long messages;

		private long hits;

		/** Counting from nothing, or on from {@code from}. */
		Counting(TermList list, Counts from) {
			this.list = list;
			this.perTerm = new int[list.terms().size()];
			this.termMessages = new long[perTerm.length];
			this.termHits = new long[perTerm.length];
			this.byPerson = new Keyed<>(from == null ? List.of() : from.people(), Function.identity());
			this.byUnit = new Keyed<>(from == null ? List.of() : from.units(), Function.identity());
			this.byMonth = new Keyed<>(from == null ? List.of() : from.months(), Candidate::monthNumber);
			if (from == null) {
				return;
			}
			messages = from.messages();
			hits = from.hits();
			for (int t = 0; t < from.terms().size(); t++) {
				termMessages[t] = from.terms().get(t).messages();
				termHits[t] = from.terms().get(t).hits();
			}
		}

		/** Counts each message in (sign 1) or out (sign -1). */
		Counting add(List<Candidate> hit, int sign) {
			for (Candidate candidate : hit) {
				int n = candidate.hits().size();
				messages += sign;
				hits += (long) sign * n;
				byPerson.count(candidate.sender(), sign, n);
				for (String unit : candidate.units()) {
					byUnit.count(unit, sign, n);
				}
				if (candidate.month() != Candidate.NO_MONTH) {
					byMonth.count(candidate.month(), sign, n);
				}
				// Over the message's own hits, not the whole list (up to 1000 terms): the
				// first hit of a term takes its count and clears it for the next message.
				candidate.hits().forEach(one -> perTerm[one.term()]++);
				for (TermMatcher.Hit one : candidate.hits()) {
					int t = one.term();
					if (perTerm[t] > 0) {
						termMessages[t] += sign;
						termHits[t] += (long) sign * perTerm[t];
						perTerm[t] = 0;
					}
				}
			}
			return this;
		}

		/** Every term, and the people, units and months with a message still counted. */
		Counts counts() {
			List<TermCount> terms = new ArrayList<>();
			for (int t = 0; t < list.terms().size(); t++) {
				TermList.Term term = list.terms().get(t);
				terms.add(new TermCount(term.text(), term.regex(), termMessages[t], termHits[t]));
			}
			return new Counts(messages, hits, terms, byPerson.sorted(String::toString), byUnit.sorted(String::toString),
					byMonth.sorted(Candidate::monthName));
		}

	}

	/**
	 * Messages and hits by key: hashed while counting and sorted once at the end (ids
	 * share long prefixes); or, counting on from counts read (in order by key), only the
	 * keys counted are looked up among them, and the others are kept as they are, so that
	 * bringing counts up to date after a write makes no copy of every person's (tens of
	 * thousands at tier L, kept until the next write, which the collector copied).
	 */
	private static final class Keyed<K extends Comparable<K>> {

		/** The counts read, in order by key; empty when counting from nothing. */
		private final List<KeyCount> read;

		private final Function<String, K> keyOf;

		/**
		 * Each key counted: its messages and hits, from those read or from nothing, and
		 * its place among those read (-1 for none), found once.
		 */
		private final Map<K, long[]> counts = new HashMap<>();

		/** Whether a key counted is not among those read. */
		private boolean added;

		Keyed(List<KeyCount> read, Function<String, K> keyOf) {
			this.read = read;
			this.keyOf = keyOf;
		}

		void count(K key, int sign, long hits) {
			long[] pair = counts.get(key);
			if (pair == null) {
				pair = readPair(key);
				counts.put(key, pair);
			}
			pair[0] += sign;
			pair[1] += sign * hits;
		}

		private long[] readPair(K key) {
			int at = position(key);
			if (at < 0) {
				added = true;
				return new long[] { 0, 0, -1 };
			}
			return new long[] { read.get(at).messages(), read.get(at).hits(), at };
		}

		/** Where the key is among those read, or a negative number if it is not. */
		private int position(K key) {
			return Collections.binarySearch(read, null, (one, none) -> keyOf.apply(one.key()).compareTo(key));
		}

		/**
		 * Those with a message counted, by key; a month's number orders it as its name
		 * (yyyy-MM) does.
		 */
		List<KeyCount> sorted(Function<K, String> name) {
			if (counts.isEmpty()) {
				return read;
			}
			if (!read.isEmpty() && !added) {
				List<KeyCount> kept = new ArrayList<>(read);
				boolean emptied = false;
				for (long[] pair : counts.values()) {
					int at = (int) pair[2];
					emptied |= pair[0] == 0;
					kept.set(at, pair[0] == 0 ? null : new KeyCount(read.get(at).key(), pair[0], pair[1]));
				}
				if (emptied) {
					kept.removeIf(Objects::isNull);
				}
				return Collections.unmodifiableList(kept);
			}
			Map<K, long[]> all = new HashMap<>(counts);
			for (KeyCount one : read) {
				all.putIfAbsent(keyOf.apply(one.key()), new long[] { one.messages(), one.hits() });
			}
			return all.entrySet()
				.stream()
				.filter(e -> e.getValue()[0] != 0)
				.sorted(Map.Entry.comparingByKey())
				.map(e -> new KeyCount(name.apply(e.getKey()), e.getValue()[0], e.getValue()[1]))
				.toList();
		}

	}

	/**
	 * A question's messages hit, whoever sent them: the counts over all of them, and the
	 * messages themselves, oldest first, read as far as asked (kept hits are read from
	 * their bytes only as far as a page shows, unless a scope needs them all).
	 *
	 * @param firstN the first n of them
	 * @param every every one of them
	 * @param whole those of them shown so far, read whole, by id (as kept as the hits:
	 * the next write leaves both out of date)
	 */
	private record Found(Counts everyone, IntFunction<List<Candidate>> firstN,
			Function<ReadOnlyCypher.Statements, List<Candidate>> every, Map<String, Message> whole) {

		Found(Counts everyone, IntFunction<List<Candidate>> firstN,
				Function<ReadOnlyCypher.Statements, List<Candidate>> every) {
			this(everyone, firstN, every, new ConcurrentHashMap<>());
		}

		static Found of(TermList list, List<Candidate> hit) {
			return of(Counts.of(list, hit), hit);
		}

		/** Messages hit, oldest first, with the counts over them. */
		static Found of(Counts counts, List<Candidate> hit) {
			List<Candidate> oldestFirst = List.copyOf(hit);
			return new Found(counts, n -> oldestFirst.subList(0, Math.min(n, oldestFirst.size())),
					statements -> oldestFirst);
		}

		List<Candidate> first(int n) {
			return firstN.apply(n);
		}

		/**
		 * Every one of them, read with {@code statements} if not yet read (the request's
		 * own: the hits are kept beyond the request that found them).
		 */
		List<Candidate> all(ReadOnlyCypher.Statements statements) {
			return every.apply(statements);
		}

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

		/**
		 * Whether a message read is one the candidates' statements would have read; null
		 * when every message read came from them.
		 */
		private final Candidacy candidacy;

		private final Set<String> seen = new HashSet<>();

		private final Map<String, List<Candidate>> bySender = new HashMap<>();

		Tally(TermMatcher matcher, Candidacy candidacy) {
			this.matcher = matcher;
			this.candidacy = candidacy;
		}

		void add(Record row) {
			String id = row.get("id").asString();
			if (!seen.add(id)) {
				return;
			}
			String body = row.get("body").asString(null);
			List<TermMatcher.Hit> hits = matcher.find(body);
			if (hits.isEmpty() || (candidacy != null && !candidacy.candidate(body, hits))) {
				return;
			}
			OffsetDateTime sentAt = Values.dateTime(row, "sentAt");
			List<Span> spans = hits.stream()
				.map(one -> new Span(one.text(), one.start(), one.end(), body.substring(one.start(), one.end())))
				.toList();
			bySender.computeIfAbsent(row.get("sender").asString(), sender -> new ArrayList<>())
				.add(Candidate.of(id, sentAt, hits, spans));
		}

		List<String> senders() {
			return List.copyOf(bySender.keySet());
		}

		/**
		 * Every message hit, in no order, each with its sender and their units on the day
		 * it was sent.
		 * @param units the units of {@link #senders()} (and perhaps others'), by sender
		 */
		List<Candidate> inUnits(Map<String, List<UnitDays>> units) {
			return inUnits(List.of(this), senders(), units);
		}

		/**
		 * The messages of {@code senders} that {@code tallies} hit, in no order, each
		 * with its sender and their units on the day it was sent.
		 */
		static List<Candidate> inUnits(List<Tally> tallies, List<String> senders, Map<String, List<UnitDays>> units) {
			List<Candidate> all = new ArrayList<>();
			for (String sender : senders) {
				List<UnitDays> theirs = units.getOrDefault(sender, List.of());
				for (Tally tally : tallies) {
					for (Candidate candidate : tally.bySender.getOrDefault(sender, List.of())) {
						all.add(candidate.sentBy(sender, UnitDays.on(theirs, candidate.day())));
					}
				}
			}
			return all;
		}

	}

	/**
	 * Whether the candidates' statements read a message: the full-text index finds it if
	 * it holds a word or phrase of the list (its analyzer is the matcher's), a pattern
	 * statement if its body matches a pattern as Cypher's {@code =~} matches it (whose
	 * case-insensitivity, unlike the matcher's, is ASCII's alone).
	 *
	 * @param regex whether each term is a regular expression
	 * @param patterns the list's regular expressions as the pattern statement wraps them
	 */
	private record Candidacy(List<Boolean> regex, List<Pattern> patterns) {

		static Candidacy of(TermList list) {
			return new Candidacy(list.terms().stream().map(TermList.Term::regex).toList(),
					TermHits.patterns(list).stream().map(Pattern::compile).toList());
		}

		boolean candidate(String body, List<TermMatcher.Hit> hits) {
			for (TermMatcher.Hit hit : hits) {
				if (!regex.get(hit.term())) {
					return true;
				}
			}
			for (Pattern pattern : patterns) {
				if (pattern.matcher(body).matches()) {
					return true;
				}
			}
			return false;
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
	record Candidate(String id, Instant instant, LocalDate day, int month, String sender, List<TermMatcher.Hit> hits,
			List<Span> spans, List<String> units) {

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

		/**
		 * The number of a month named as {@link #monthName} names it (a year of more than
		 * four digits has no sign there, which {@code YearMonth.parse} would refuse).
		 */
		static int monthNumber(String name) {
			int dash = name.lastIndexOf('-');
			return Integer.parseInt(name, 0, dash, 10) * 12 + Integer.parseInt(name, dash + 1, name.length(), 10) - 1;
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
