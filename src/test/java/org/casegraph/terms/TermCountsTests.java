package org.casegraph.terms;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermCountsTests {

	private static final TermList LIST = new TermList("counts-test", 1,
			List.of(new TermList.Term("tin hat", false), new TermList.Term("kettled", false),
					new TermList.Term("night owls", false)),
			null, "test", OffsetDateTime.parse("2019-04-30T12:00:00Z"));

	@Test
	void countsAdjustedByTheMessagesTakenOutAndPutInAreThoseCountedAgainFromTheMessagesAfter() {
		Random random = new Random(7);
		List<TermHits.Candidate> before = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			before.add(candidate(random, "message:" + i, "officer:" + random.nextInt(20), 2018));
		}
		// Only ever counted here: their person, unit and month are gone once they are
		// taken out.
		before.add(candidate(random, "message:alone", "officer:alone", 2011));
		before.add(
				TermHits.Candidate.of("message:no-time", null, hits(random), List.of()).sentBy("officer:1", List.of()));
		TermHits.Counts counted = TermHits.Counts.of(LIST, before);

		List<TermHits.Candidate> removed = new ArrayList<>();
		List<TermHits.Candidate> after = new ArrayList<>();
		for (TermHits.Candidate candidate : before) {
			boolean takenOut = candidate.id().equals("message:alone") || candidate.id().equals("message:no-time")
					|| random.nextInt(5) == 0;
			(takenOut ? removed : after).add(candidate);
		}
		List<TermHits.Candidate> added = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			added.add(candidate(random, "message:new-" + i, "officer:" + random.nextInt(25), 2019));
		}
		// A month whose name has a sign and five digits, ordered by its number as
		// counting
		// orders it.
		added.add(candidate(random, "message:far", "officer:far", 10000));
		after.addAll(added);

		TermHits.Counts adjusted = counted.adjusted(LIST, removed, added);

		assertThat(adjusted).isEqualTo(TermHits.Counts.of(LIST, after));
		assertThat(adjusted.people()).extracting(TermHits.KeyCount::key)
			.doesNotContain("officer:alone")
			.contains("officer:far");
		assertThat(adjusted.months()).extracting(TermHits.KeyCount::key)
			.doesNotContain("2011-01")
			.last()
			.asString()
			.startsWith("10000-");
		assertThat(adjusted.adjusted(LIST, List.of(), List.of())).as("read back from their names").isEqualTo(adjusted);
		assertThat(counted.adjusted(LIST, List.of(), List.of())).isEqualTo(counted);
		List<TermHits.Candidate> kept = new ArrayList<>(before);
		kept.removeAll(removed);
		assertThat(counted.adjusted(LIST, removed, List.of())).as("taken out alone, no key added")
			.isEqualTo(TermHits.Counts.of(LIST, kept));
	}

	@Test
	void countsOfPartsTakenTogetherAreThoseOfAllTheirMessagesCountedAtOnce() {
		Random random = new Random(11);
		List<TermHits.Candidate> all = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			all.add(candidate(random, "message:" + i, "officer:" + random.nextInt(30), 2016 + random.nextInt(3)));
		}
		all.add(candidate(random, "message:far", "officer:far", 10000));
		all.add(TermHits.Candidate.of("message:no-time", null, hits(random), List.of()).sentBy("officer:2", List.of()));
		List<List<TermHits.Candidate>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (TermHits.Candidate candidate : all) {
			parts.get(random.nextInt(parts.size())).add(candidate);
		}
		parts.getFirst().add(candidate(random, "message:early", "officer:early", 1999));

		TermHits.Counts together = TermHits.Counts.of(LIST, parts.get(0))
			.plus(TermHits.Counts.of(LIST, parts.get(1)))
			.plus(TermHits.Counts.of(LIST, parts.get(2)));

		List<TermHits.Candidate> every = new ArrayList<>(parts.get(0));
		every.addAll(parts.get(1));
		every.addAll(parts.get(2));
		assertThat(together).isEqualTo(TermHits.Counts.of(LIST, every));
		assertThat(together.months()).extracting(TermHits.KeyCount::key).first().asString().startsWith("1999-");
		assertThat(together.months()).extracting(TermHits.KeyCount::key).last().asString().startsWith("10000-");
		assertThat(TermHits.Counts.of(LIST, List.of()).plus(together)).isEqualTo(together);
	}

	private static TermHits.Candidate candidate(Random random, String id, String sender, int year) {
		OffsetDateTime sentAt = OffsetDateTime.parse("2018-01-01T09:00:00Z")
			.withYear(year)
			.plusDays(random.nextInt(360))
			.plusMinutes(random.nextInt(1000));
		List<String> units = (random.nextInt(4) == 0) ? List.of() : List.of("unit:" + random.nextInt(4));
		if (random.nextInt(6) == 0) {
			units = List.of("unit:0", "unit:9");
		}
		return TermHits.Candidate.of(id, sentAt, hits(random), List.of()).sentBy(sender, units);
	}

	/** One to four hits, a term sometimes hit twice. */
	private static List<TermMatcher.Hit> hits(Random random) {
		List<TermMatcher.Hit> hits = new ArrayList<>();
		int n = 1 + random.nextInt(4);
		for (int i = 0; i < n; i++) {
			int term = random.nextInt(LIST.terms().size());
			hits.add(new TermMatcher.Hit(term, LIST.terms().get(term).text(), 10 * i, 10 * i + 5));
		}
		return hits;
	}

}
