package org.casegraph.neo4j;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Answers kept until the next write to the store ({@link StoreVersion}): the same
 * question asked again is answered without a read while the data is as it was. Bounded by
 * weight (what an answer holds: messages, nodes, edges), and what nobody asked for again
 * in half an hour is let go, returning its memory. With an external database the version
 * is unknown and nothing is kept.
 * <p>
 * A question asked again while its answer is being worked out, at the same version, waits
 * for that answer instead of working it out a second time: after a write, every
 * investigator looking at the same unit asks for the same network at once.
 *
 * @param <Q> a question: a value, equal for the same question
 * @param <A> its answer, never changed once worked out
 */
public final class KeptAnswers<Q, A> {

	private static final Duration IDLE = Duration.ofMinutes(30);

	private final StoreVersion storeVersion;

	private final Cache<Q, Versioned<A>> kept;

	/** The questions being worked out now, at the version they are worked out from. */
	private final Map<Versioned<Q>, Working<A>> working = new ConcurrentHashMap<>();

	/**
	 * @param storeVersion the version answers are kept by
	 * @param maxWeight the most weight kept in all
	 * @param weigher an answer's weight
	 */
	public KeptAnswers(StoreVersion storeVersion, long maxWeight, ToIntFunction<A> weigher) {
		this.storeVersion = storeVersion;
		this.kept = Caffeine.newBuilder()
			.maximumWeight(maxWeight)
			.weigher((Q question, Versioned<A> versioned) -> weigher.applyAsInt(versioned.answer()) + 1)
			.expireAfterAccess(IDLE)
			.build();
	}

	/**
	 * The answer kept for the question while the store is as it was when it was worked
	 * out; otherwise worked out by {@code answer} (and kept, where the version is known).
	 * The version is read before the answer's reads, so that a write committed meanwhile
	 * leaves the answer marked older than it is (worked out again), never newer.
	 */
	public A get(Q question, Supplier<A> answer) {
		OptionalLong seen = storeVersion.current();
		if (seen.isEmpty()) {
			return answer.get();
		}
		long version = seen.getAsLong();
		A before = keptAt(question, version);
		if (before != null) {
			return before;
		}
		Versioned<Q> asked = new Versioned<>(version, question);
		Working<A> mine = new Working<>(Thread.currentThread(), new CompletableFuture<>());
		Working<A> theirs = working.putIfAbsent(asked, mine);
		if (theirs == null) {
			return workOut(question, version, answer, asked, mine);
		}
		if (theirs.thread() == Thread.currentThread()) {
			// An answer that asks its own question would wait for itself.
			return answer.get();
		}
		A awaited = theirs.answer().join();
		return (awaited != null) ? awaited : get(question, answer);
	}

	/**
	 * Works the answer out for every asker of the question at this version; when that
	 * fails, each of them asks again (a timeout is one asker's, not theirs).
	 */
	private A workOut(Q question, long version, Supplier<A> answer, Versioned<Q> asked, Working<A> mine) {
		A found = null;
		try {
			// Kept by an asker who finished between this one's look and its claim.
			A before = keptAt(question, version);
			found = (before != null) ? before : answer.get();
			if (found != null) {
				keep(question, version, found);
			}
			return found;
		}
		finally {
			working.remove(asked, mine);
			mine.answer().complete(found);
		}
	}

	/**
	 * The answers kept for the questions while the store is as it was when they were
	 * worked out; those not kept are worked out together by {@code answers}, which
	 * answers every question it is given (and kept, where the version is known). Read
	 * like {@link #get}: the version before the reads.
	 */
	public Map<Q, A> getAll(Collection<Q> questions, Function<Set<Q>, Map<Q, A>> answers) {
		OptionalLong seen = storeVersion.current();
		if (seen.isEmpty()) {
			return answers.apply(new LinkedHashSet<>(questions));
		}
		Map<Q, A> found = new HashMap<>();
		Set<Q> missing = new LinkedHashSet<>();
		for (Q question : questions) {
			A before = keptAt(question, seen.getAsLong());
			if (before != null) {
				found.put(question, before);
			}
			else {
				missing.add(question);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		Map<Q, A> worked = answers.apply(missing);
		worked.forEach((question, answer) -> keep(question, seen.getAsLong(), answer));
		found.putAll(worked);
		return found;
	}

	/**
	 * Keeps an answer unless one worked out from a later version is kept already (its
	 * asker finished first).
	 */
	private void keep(Q question, long version, A answer) {
		kept.asMap()
			.merge(question, new Versioned<>(version, answer),
					(before, now) -> (before.storeVersion() > now.storeVersion()) ? before : now);
	}

	/** The answer kept for the question at this version of the store, or null. */
	private A keptAt(Q question, long version) {
		Versioned<A> before = kept.getIfPresent(question);
		return (before != null && before.storeVersion() == version) ? before.answer() : null;
	}

	/**
	 * An answer (or a question) with the version of the store it was worked out from.
	 *
	 * @param storeVersion the version
	 * @param answer the answer
	 */
	private record Versioned<A>(long storeVersion, A answer) {
	}

	/**
	 * A question being worked out.
	 *
	 * @param thread the thread working it out
	 * @param answer completed with the answer, or with null when working it out failed
	 */
	private record Working<A>(Thread thread, CompletableFuture<A> answer) {
	}

}
