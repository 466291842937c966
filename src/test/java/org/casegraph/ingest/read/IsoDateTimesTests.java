package org.casegraph.ingest.read;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bundle's date-times read as the JDK reads them, valid or not. */
class IsoDateTimesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2016-02-01T20:00Z", "2016-02-01T20:00:05Z", "2016-02-01T20:00:05.25Z",
			"2016-02-01T20:00:05.123456789+01:00", "2016-02-01T00:30:00.000500+01:00", "1969-07-20T20:17:40-04:00",
			"2016-03-27T01:30-05:30", "0000-01-01T00:00Z", "2016-02-29T23:59:59+18:00", "2016-02-01T20:00-00:00",
			"2016-02-01t20:00z", "+12016-02-01T20:00Z", "2016-02-01T20:00:05+01:00:30", "2016-02-01T20:00+0100",
			"2016-02-01T20:00:05.Z" })
	void aTextInAnyFormIsReadOrRefusedAsTheJdkDoes(String text) {
		OffsetDateTime expected;
		try {
			expected = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(DateTimeParseException.class)
				.hasMessage(ex.getMessage());
			return;
		}
		assertThat(IsoDateTimes.parse(text)).isEqualTo(expected);
		assertThat(IsoDateTimes.parse(text).getOffset()).isEqualTo(expected.getOffset());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2016-02-30T20:00Z", "2016-13-01T20:00Z", "2016-02-01T24:00Z", "2016-02-01T20:60Z",
			"2016-02-01T20:00:60Z", "2016-02-01T20:00:05.1234567890Z", "2016-02-01T20:00+19:00",
			"2016-02-01T20:00+05:60", "2016-02-01T20:00", "2016-02-01 20:00Z", "2016-2-01T20:00Z", "2016-02-01T20:00Zx",
			"yesterday", "2016-02-01T2a:00Z", "2016-02-01T20:00:0５Z" })
	void anInvalidTextIsRefusedAsTheJdkRefusesIt(String text) {
		assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
		String message = catchMessage(text);

		assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(DateTimeParseException.class)
			.hasMessage(message);
	}

	private static String catchMessage(String text) {
		try {
			OffsetDateTime.parse(text);
			return null;
		}
		catch (DateTimeParseException ex) {
			return ex.getMessage();
		}
	}

}
