package org.casegraph.network;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** A period results are grouped by. */
enum Bucket {

	MONTH, QUARTER, YEAR;

	/** The bucket's name for a day: 2016-05, 2016-Q2 or 2016. */
	String label(LocalDate day) {
		return switch (this) {
			case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
			case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
			case YEAR -> String.valueOf(day.getYear());
		};
	}

	/** The first day of the bucket holding {@code day}. */
	LocalDate start(LocalDate day) {
		return switch (this) {
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.withDayOfMonth(1).withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	/** The first day of the next bucket. */
	LocalDate next(LocalDate start) {
		return switch (this) {
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
			case YEAR -> start.plusYears(1);
		};
	}

}
