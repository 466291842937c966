package org.casegraph.messaging;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.casegraph.neo4j.PackedInstant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pair's counts: direct messages per month kept apart from group posts, and each
 * month's first and last message.
 */
class PairDeltaTests {

	private static final ZonedDateTime JANUARY = ZonedDateTime.parse("2016-01-10T21:00:00Z");

	@Test
	void eachMonthKeepsHowManyOfItsMessagesWereNotGroupPosts() {
		ContactAggregate.PairDelta pair = pair();
		pair.add("GROUP", Moment.of(JANUARY));
		pair.add("DIRECT", Moment.of(JANUARY.plusDays(1)));
		pair.add("SMS", Moment.of(JANUARY.plusMonths(1)));
		Map<String, Object> row = pair.row();
		assertThat(row.get("months")).isEqualTo(List.of(201601L, 201602L));
		assertThat(row.get("monthCounts")).isEqualTo(List.of(2L, 1L));
		assertThat(row.get("monthDirect")).isEqualTo(List.of(1L, 1L));
		assertThat(row.get("groupCount")).isEqualTo(1L);
	}

	@Test
	void eachMonthsFirstAndLastAreNumbersThatAMergeReadsBack() {
		ZonedDateTime midnight = ZonedDateTime.parse("2016-02-01T00:30:00.000500+01:00");
		Map<String, Object> row = directMessages(JANUARY, midnight);

		assertThat(row.get("monthFirst")).isEqualTo(List.of(PackedInstant.down(JANUARY), PackedInstant.down(midnight)));
		assertThat(row.get("monthLast")).isEqualTo(List.of(PackedInstant.up(JANUARY), PackedInstant.up(midnight)));
		assertThat(readBack(row)).isEqualTo(row);
	}

	@Test
	void aPairWithAnInstantBeyondTheNumbersKeepsItsMonthsAsTimes() {
		ZonedDateTime far = ZonedDateTime.parse("5000-01-01T10:00:00Z");
		Map<String, Object> row = directMessages(JANUARY, far);

		assertThat(row.get("monthFirst")).isEqualTo(List.of(JANUARY, far));
		assertThat(row.get("monthLast")).isEqualTo(List.of(JANUARY, far));
		assertThat(readBack(row)).isEqualTo(row);
	}

	@Test
	void anOlderAggregateWithoutThemLeavesThemUnknownUntilARebuild() {
		ContactAggregate.PairDelta pair = pair();
		pair.merge(Map.of("count", 2L, "groupCount", 1L, "directCount", 1L, "months", List.of(201601L), "monthCounts",
				List.of(2L), "monthFirst", List.of(JANUARY), "monthLast", List.of(JANUARY.plusDays(1))));
		pair.add("DIRECT", Moment.of(JANUARY.plusDays(2)));
		Map<String, Object> row = pair.row();
		assertThat(row.get("monthCounts")).isEqualTo(List.of(3L));
		assertThat(row).containsEntry("monthDirect", null);
		assertThat(row.get("monthFirst")).as("its date-times read, and written as numbers")
			.isEqualTo(List.of(PackedInstant.down(JANUARY)));
		assertThat(row.get("monthLast")).isEqualTo(List.of(PackedInstant.up(JANUARY.plusDays(2))));
	}

	@Test
	void theFirstAndLastAreTheEarliestAndLatestWhateverTheOrderAdded() {
		ZonedDateTime sameSecond = JANUARY.plusNanos(700_000_000);
		ZonedDateTime elsewhere = JANUARY.plusNanos(300_000_000).withZoneSameInstant(ZoneId.of("+05:00"));
		ContactAggregate.PairDelta pair = pair();
		pair.add("DIRECT", Moment.of(sameSecond));
		pair.add("DIRECT", Moment.of(elsewhere));
		pair.add("DIRECT", Moment.of(JANUARY.plusDays(3)));
		pair.add("DIRECT", Moment.of(JANUARY.plusDays(1)));
		Map<String, Object> row = pair.row();

		assertThat(row.get("first")).isEqualTo(elsewhere);
		assertThat(row.get("last")).isEqualTo(JANUARY.plusDays(3));
		assertThat(row.get("monthFirst")).isEqualTo(List.of(PackedInstant.down(elsewhere)));
		assertThat(row.get("monthLast")).isEqualTo(List.of(PackedInstant.up(JANUARY.plusDays(3))));
	}

	private static ContactAggregate.PairDelta pair() {
		return new ContactAggregate.PairDelta(new ContactAggregate.Pair("a", "b"));
	}

	private static Map<String, Object> directMessages(ZonedDateTime... sent) {
		ContactAggregate.PairDelta pair = pair();
		for (ZonedDateTime at : sent) {
			pair.add("DIRECT", Moment.of(at));
		}
		return pair.row();
	}

	/** The row as a recount's merge reads it from the store and writes it again. */
	private static Map<String, Object> readBack(Map<String, Object> row) {
		ContactAggregate.PairDelta again = pair();
		again.merge(row);
		return again.row();
	}

}
