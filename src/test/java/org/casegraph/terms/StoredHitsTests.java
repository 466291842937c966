package org.casegraph.terms;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredHitsTests {

	private static final TermList LIST = new TermList("rest-test", 1,
			List.of(new TermList.Term("tin hat", false), new TermList.Term("kettl(e|ed)", true)), null, "test",
			OffsetDateTime.parse("2019-04-30T12:00:00Z"));

	@Test
	void theHeadHoldsTheCountsAndAPageOfMessagesAndTheRestTheOthersAndGoesWithItsOwnHeadOnly() {
		List<TermHits.Candidate> hit = hits(StoredHits.IN_HEAD + 250);
		TermHits.Counts counts = TermHits.Counts.of(LIST, hit);
		StoredHits.Encoded kept = StoredHits.encode(hit, counts);
		List<TermHits.Candidate> others = hits(StoredHits.IN_HEAD + 251);
		StoredHits.Encoded keptAgain = StoredHits.encode(hit, counts);
		StoredHits.Encoded other = StoredHits.encode(others, TermHits.Counts.of(LIST, others));

		StoredHits read = StoredHits.of(kept.head(), LIST);
		assertThat(read.counts()).isEqualTo(counts);
		assertThat(read.first(StoredHits.IN_HEAD)).isEqualTo(hit.subList(0, StoredHits.IN_HEAD));
		assertThat(keptAgain).as("the same hits kept again")
			.satisfies(again -> assertThat(again.head()).isEqualTo(kept.head()))
			.satisfies(again -> assertThat(again.rest()).isEqualTo(kept.rest()));
		assertThat(read.all(other::rest)).as("the rest of other hits").isNull();
		assertThat(read.all(() -> null)).as("no rest").isNull();
		assertThat(read.all(kept::rest)).isEqualTo(hit);

		List<TermHits.Candidate> few = hit.subList(0, 10);
		StoredHits.Encoded small = StoredHits.encode(few, TermHits.Counts.of(LIST, few));
		assertThat(StoredHits.of(small.head(), LIST).all(() -> {
			throw new AssertionError("the rest read where the head holds every message");
		})).isEqualTo(few);
		assertThat(StoredHits.of(kept.head(),
				new TermList("other", 1, List.of(new TermList.Term("tin hat", false)), null, "test", LIST.createdAt())))
			.as("kept for a list of another length")
			.isNull();
	}

	/** Messages hit, oldest first, each by one of seven senders in one of three units. */
	private static List<TermHits.Candidate> hits(int n) {
		OffsetDateTime first = OffsetDateTime.parse("2018-01-01T09:00:00Z");
		List<TermHits.Candidate> hit = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int term = i % 2;
			String text = LIST.terms().get(term).text();
			hit.add(TermHits.Candidate
				.of("message:" + i, first.plusMinutes(i), List.of(new TermMatcher.Hit(term, text, 3, 10)),
						List.of(new TermHits.Span(text, 3, 10, (term == 0) ? "Tin Hat" : "kettled")))
				.sentBy("officer:" + (i % 7), List.of("unit:" + (i % 3))));
		}
		return hit;
	}

}
