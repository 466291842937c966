package org.casegraph.security;

import org.casegraph.neo4j.InvalidSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request body limit that could refuse every request, or none, stops the start. */
class RequestLimitsTests {

	@Test
	void aLimitOfNothingOrOfTwoGigabytesNamesTheSetting() {
		for (DataSize size : new DataSize[] { DataSize.ofBytes(0), DataSize.ofBytes(-1), DataSize.ofGigabytes(2) }) {
			assertThatThrownBy(() -> new RequestLimits(size)).as(size.toString())
				.isInstanceOfSatisfying(InvalidSettingException.class,
						failure -> assertThat(failure.setting()).isEqualTo("casegraph.limits.request-body"));
		}
		assertThat(new RequestLimits(DataSize.ofMegabytes(1)).bytes()).isEqualTo(1_048_576);
	}

}
