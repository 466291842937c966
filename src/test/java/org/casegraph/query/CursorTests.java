package org.casegraph.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

	@Test
	void roundTripsEachSortValueType() {
		for (Object value : new Object[] { "Officer A", 42L, LocalDate.of(2016, 2, 1),
				OffsetDateTime.parse("2016-05-14T23:10:00Z") }) {
			Cursor cursor = new Cursor(value, "id:with\u00e9:colons");
			assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
		}
	}

	@Test
	void refusesTextThatIsNotACursor() {
		assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("'after'");
		assertThatThrownBy(() -> Cursor.decode("c29tZXRoaW5n")).isInstanceOf(BadRequestException.class);
		String wrongTag = java.util.Base64.getUrlEncoder().encodeToString("x\u001fv\u001fid".getBytes());
		assertThatThrownBy(() -> Cursor.decode(wrongTag)).isInstanceOf(BadRequestException.class);
	}

}
