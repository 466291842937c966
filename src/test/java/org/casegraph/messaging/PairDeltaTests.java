package org.casegraph.messaging;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One pair's counts: direct messages per month kept apart from group posts. */
class PairDeltaTests {

	private static final ZonedDateTime JANUARY = ZonedDateTime.parse("2016-01-10T21:00:00Z");

	@Test
	void eachMonthKeepsHowManyOfItsMessagesWereNotGroupPosts() {
		ContactAggregate.PairDelta pair = new ContactAggregate.PairDelta(new ContactAggregate.Pair("a", "b"));
		pair.add("GROUP", JANUARY);
		pair.add("DIRECT", JANUARY.plusDays(1));
		pair.add("SMS", JANUARY.plusMonths(1));
		Map<String, Object> row = pair.row();
		assertThat(row.get("months")).isEqualTo(List.of(201601L, 201602L));
		assertThat(row.get("monthCounts")).isEqualTo(List.of(2L, 1L));
		assertThat(row.get("monthDirect")).isEqualTo(List.of(1L, 1L));
		assertThat(row.get("groupCount")).isEqualTo(1L);
	}

	@Test
	void anOlderAggregateWithoutThemLeavesThemUnknownUntilARebuild() {
		ContactAggregate.PairDelta pair = new ContactAggregate.PairDelta(new ContactAggregate.Pair("a", "b"));
		pair.merge(Map.of("count", 2L, "groupCount", 1L, "directCount", 1L, "months", List.of(201601L), "monthCounts",
				List.of(2L), "monthFirst", List.of(JANUARY), "monthLast", List.of(JANUARY.plusDays(1))));
		pair.add("DIRECT", JANUARY.plusDays(2));
		Map<String, Object> row = pair.row();
		assertThat(row.get("monthCounts")).isEqualTo(List.of(3L));
		assertThat(row).containsEntry("monthDirect", null);
	}

}
