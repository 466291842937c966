package org.casegraph.neo4j;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A month's first or last message as one number, and back. */
class PackedInstantTests {

	@ParameterizedTest
	@ValueSource(strings = { "2016-02-01T00:30:00+01:00", "2016-02-01T00:30:00.123Z", "1969-07-20T20:17:40.001-04:00",
			"1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2016-06-30T23:59:59+18:00",
			"2016-06-30T23:59:59-18:00", "1900-01-01T00:00:00+00:01:15", "0001-01-01T00:00:00Z",
			"4000-12-31T23:59:59.999+14:00" })
	void anInstantToTheMillisecondComesBackTheSameInItsOwnOffset(String text) {
		ZonedDateTime instant = OffsetDateTime.parse(text).toZonedDateTime();

		assertThat(PackedInstant.packable(instant)).isTrue();
		assertThat(PackedInstant.unpack(PackedInstant.down(instant))).isEqualTo(instant);
		assertThat(PackedInstant.unpack(PackedInstant.up(instant))).isEqualTo(instant);
		assertThat(PackedInstant.unpack(PackedInstant.down(instant)).toLocalDate()).isEqualTo(instant.toLocalDate());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2016-02-01T00:30:00.000500+01:00", "1969-12-31T23:59:59.999999999-05:00" })
	void aPartOfAMillisecondIsRoundedAwayFromTheMonth(String text) {
		ZonedDateTime instant = OffsetDateTime.parse(text).toZonedDateTime();

		ZonedDateTime first = PackedInstant.unpack(PackedInstant.down(instant));
		ZonedDateTime last = PackedInstant.unpack(PackedInstant.up(instant));

		assertThat(first).isBefore(instant).isAfter(instant.minusNanos(1_000_000));
		assertThat(last).isAfter(instant).isBefore(instant.plusNanos(1_000_000));
		assertThat(first.getOffset()).isEqualTo(instant.getOffset());
		assertThat(last.getOffset()).isEqualTo(instant.getOffset());
	}

	@Test
	void numbersKeepTheOrderOfInstantsInOneOffset() {
		ZonedDateTime earlier = ZonedDateTime.parse("1969-12-31T23:59:59.998Z");
		ZonedDateTime later = earlier.plusNanos(1_000_000);

		assertThat(PackedInstant.down(earlier)).isLessThan(PackedInstant.down(later));
	}

	@Test
	void anInstantFarFromTheEpochIsNotPacked() {
		assertThat(PackedInstant.packable(ZonedDateTime.parse("5000-01-01T00:00:00Z"))).isFalse();
		assertThat(PackedInstant.packable(ZonedDateTime.parse("-1000-01-01T00:00:00Z"))).isFalse();
	}

	@Test
	void eitherStoredFormIsRead() {
		ZonedDateTime instant = ZonedDateTime.parse("2016-02-01T00:30:00+01:00");

		assertThat(PackedInstant.read(PackedInstant.down(instant))).isEqualTo(instant);
		assertThat(PackedInstant.read(instant)).isEqualTo(instant);
		assertThat(PackedInstant.read(instant.toOffsetDateTime())).isEqualTo(instant);
	}

}
