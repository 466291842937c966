package org.casegraph.neo4j;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version kept answers are labelled with: moved on by every write but those of what
 * no kept answer reads, and by those too whenever another write may have closed beside
 * them.
 */
class StoreVersionTests {

	private final AtomicLong closed = new AtomicLong(10);

	private final StoreVersion version = StoreVersion.over(closed::get);

	@Test
	void aWriteOfWhatNoKeptAnswerReadsLeavesTheVersionAsItWas() {
		long before = version.current().orElseThrow();
		String written = version.keptThrough(() -> {
			closed.incrementAndGet();
			return "note";
		});
		assertThat(written).isEqualTo("note");
		assertThat(version.current()).hasValue(before);
		version.keptThrough(closed::incrementAndGet);
		assertThat(version.current()).hasValue(before);
	}

	@Test
	void anyOtherWriteMovesItOnAndTheWritesBeforeItAreNotLookedThrough() {
		version.keptThrough(closed::incrementAndGet);
		closed.incrementAndGet();
		long afterData = version.current().orElseThrow();
		assertThat(afterData).isEqualTo(12);
		version.keptThrough(closed::incrementAndGet);
		assertThat(version.current()).hasValue(afterData);
	}

	@Test
	void aWriteBesideAnotherClosingMeanwhileMovesItOn() {
		version.keptThrough(() -> closed.addAndGet(2));
		assertThat(version.current()).hasValue(12);
	}

	@Test
	void aWriteThatClosedNothingChangesNothing() {
		version.keptThrough(() -> "read only");
		closed.incrementAndGet();
		assertThat(version.current()).hasValue(11);
	}

	@Test
	void forgettingWhatIsKeptMovesItOnToo() {
		long before = version.current().orElseThrow();
		version.forgetKept();
		assertThat(version.current().orElseThrow()).isNotEqualTo(before);
	}

	@Test
	void anExternalDatabasesVersionIsUnknownAndItsWritesStillRun() {
		StoreVersion unknown = StoreVersion.unknown();
		assertThat(unknown.keptThrough(() -> "written")).isEqualTo("written");
		assertThat(unknown.current()).isEmpty();
	}

}
