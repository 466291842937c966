package org.casegraph.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonthCountsTests {

	@Test
	void monthsInOrderAreKeptAsGiven() {
		MonthCounts counts = MonthCounts.ascending(new int[] { 201801, 201803, 201901 }, new long[] { 4, 1, 7 });

		assertThat(counts.months()).containsExactly(201801, 201803, 201901);
		assertThat(counts.counts()).containsExactly(4L, 1L, 7L);
		assertThat(counts.get(201803)).isEqualTo(1);
		assertThat(counts.get(201802)).isZero();
	}

	@Test
	void monthsOutOfOrderAreSortedAndAMonthGivenTwiceIsAddedUp() {
		MonthCounts counts = MonthCounts.ascending(new int[] { 201903, 201801, 201903, 201805 },
				new long[] { 2, 5, 3, 1 });

		assertThat(counts.months()).containsExactly(201801, 201805, 201903);
		assertThat(counts.counts()).containsExactly(5L, 1L, 5L);
	}

	@Test
	void theSameMonthsFromAMapAreEqual() {
		Map<Integer, Long> byMonth = new LinkedHashMap<>();
		byMonth.put(201801, 4L);
		byMonth.put(201803, 1L);
		MonthCounts fromMap = MonthCounts.of(byMonth);
		MonthCounts fromArrays = MonthCounts.ascending(new int[] { 201801, 201803 }, new long[] { 4, 1 });

		assertThat(fromMap).isEqualTo(fromArrays).hasSameHashCodeAs(fromArrays);
		assertThat(fromMap).isNotEqualTo(MonthCounts.ascending(new int[] { 201801, 201803 }, new long[] { 4, 2 }));
		assertThat(fromMap).hasToString("{201801=4, 201803=1}");
	}

	@Test
	void eachMonthIsVisitedInOrder() {
		List<String> visited = new ArrayList<>();

		MonthCounts.ascending(new int[] { 201801, 201712 }, new long[] { 3, 9 })
			.forEach((month, count) -> visited.add(month + ":" + count));

		assertThat(visited).containsExactly("201712:9", "201801:3");
		assertThat(MonthCounts.NONE.months()).isEmpty();
	}

}
