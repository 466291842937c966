package org.casegraph.messaging;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity aggregate per sender and UTC month: each hour's messages and flagged
 * messages, merged with what a month already held when new messages reach it.
 */
class ActivityTallyTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void messagesAreCountedPerSenderUtcMonthAndHour() {
		ActivityTally tally = new ActivityTally();
		// 00:30 on 1 July in London is 23:30 on 30 June in UTC: June's month.
		tally.message("officer:a", ZonedDateTime.of(2018, 7, 1, 0, 30, 0, 0, LONDON), true);
		tally.message("officer:a", ZonedDateTime.of(2018, 7, 1, 0, 10, 0, 0, LONDON), false);
		tally.message("officer:a", ZonedDateTime.of(2018, 7, 1, 2, 0, 0, 0, LONDON), false);
		tally.message("officer:b", ZonedDateTime.of(2018, 7, 1, 2, 0, 0, 0, LONDON), false);
		tally.message("officer:b", null, true);

		long june30At23 = ZonedDateTime.of(2018, 6, 30, 23, 0, 0, 0, ZoneId.of("UTC")).toEpochSecond() / 3600;
		assertThat(tally.rows()).containsExactlyInAnyOrder(
				Map.of("id", "activity:201806:officer:a", "sender", "officer:a", "month", 201806L, "hours",
						List.of(june30At23), "counts", List.of(2L), "flagged", List.of(1L)),
				Map.of("id", "activity:201807:officer:a", "sender", "officer:a", "month", 201807L, "hours",
						List.of(june30At23 + 2), "counts", List.of(1L), "flagged", List.of(0L)),
				Map.of("id", "activity:201807:officer:b", "sender", "officer:b", "month", 201807L, "hours",
						List.of(june30At23 + 2), "counts", List.of(1L), "flagged", List.of(0L)));
		assertThat(tally.ids()).containsExactlyInAnyOrder("activity:201806:officer:a", "activity:201807:officer:a",
				"activity:201807:officer:b");
	}

	@Test
	void whatAMonthHeldIsAddedToItsNewMessagesInHourOrder() {
		ActivityTally tally = new ActivityTally();
		ZonedDateTime sent = ZonedDateTime.of(2018, 7, 2, 12, 0, 0, 0, ZoneId.of("UTC"));
		long hour = sent.toEpochSecond() / 3600;
		tally.message("officer:a", sent, false);

		tally.merge(Map.of("id", "activity:201807:officer:a", "sender", "officer:a", "month", 201807L, "hours",
				List.of(hour - 5, hour), "counts", List.of(3L, 2L), "flagged", List.of(1L, 0L)));
		tally.merge(Map.of("id", "activity:201806:officer:a", "sender", "officer:a", "month", 201806L, "hours",
				List.of(hour - 800), "counts", List.of(9L), "flagged", List.of(9L)));

		assertThat(tally.rows())
			.containsExactly(Map.of("id", "activity:201807:officer:a", "sender", "officer:a", "month", 201807L, "hours",
					List.of(hour - 5, hour), "counts", List.of(3L, 3L), "flagged", List.of(1L, 0L)));
	}

}
