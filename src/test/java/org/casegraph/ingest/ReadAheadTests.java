package org.casegraph.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTests {

	@Test
	void everyItemArrivesInOrderAndTheSourceIsClosedOnItsOwnThread() {
		List<String> closedOn = new CopyOnWriteArrayList<>();

		List<Integer> read;
		try (Stream<Integer> items = ReadAhead.of("read-ahead-test",
				() -> IntStream.range(0, 100_000).boxed().onClose(() -> closedOn.add(Thread.currentThread().getName())),
				4)) {
			read = items.toList();
		}

		assertThat(read).isEqualTo(IntStream.range(0, 100_000).boxed().toList());
		assertThat(closedOn).containsExactly("read-ahead-test");
	}

	@Test
	void aSourcesErrorArrivesAfterEveryItemBeforeIt() {
		IllegalArgumentException broken = new IllegalArgumentException("line 7: broken");
		List<Integer> read = new CopyOnWriteArrayList<>();

		try (Stream<Integer> items = ReadAhead.of("read-ahead-test", () -> IntStream.range(0, 10).boxed().map(i -> {
			if (i == 7) {
				throw broken;
			}
			return i;
		}), 2)) {
			assertThatThrownBy(() -> items.forEach(read::add)).isSameAs(broken);
		}

		assertThat(read).containsExactly(0, 1, 2, 3, 4, 5, 6);
	}

	@Test
	void closedEarlyTheSourceStopsAndIsClosedBeforeCloseReturns() {
		AtomicInteger given = new AtomicInteger();
		List<String> closedOn = new CopyOnWriteArrayList<>();

		Stream<Integer> items = ReadAhead.of("read-ahead-test",
				() -> Stream.iterate(0, i -> i + 1)
					.peek(i -> given.incrementAndGet())
					.onClose(() -> closedOn.add(Thread.currentThread().getName())),
				8);
		assertThat(items.iterator().next()).isZero();
		items.close();

		assertThat(closedOn).containsExactly("read-ahead-test");
		int afterClose = given.get();
		assertThat(afterClose).isLessThan(100);
		assertThat(given.get()).isEqualTo(afterClose);
	}

}
