package org.casegraph.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.stream.Stream;

/**
 * Time zones an hourly count can be shown in: those whole hours off UTC since 1970 (every
 * zone of the UK and Europe), so that an hour counted in UTC is exactly one hour of the
 * zone.
 */
public final class TimeZones {

	private static final Instant SINCE = Instant.EPOCH;

	private TimeZones() {
	}

	/**
	 * The zone of that name, refused with the argument's name when unknown or not whole
	 * hours.
	 */
	public static ZoneId wholeHours(String name, String argument) {
		ZoneId zone;
		try {
			zone = ZoneId.of(name.trim());
		}
		catch (DateTimeException ex) {
			throw new BadRequestException(
					"Argument '%s': '%s' is not a time zone; name one such as Europe/London or UTC".formatted(argument,
							name));
		}
		ZoneRules rules = zone.getRules();
		Stream<ZoneOffset> offsets = Stream.concat(Stream.of(rules.getOffset(SINCE), rules.getOffset(Instant.now())),
				rules.getTransitions()
					.stream()
					.filter(t -> !t.getInstant().isBefore(SINCE))
					.map(t -> t.getOffsetAfter()));
		ZoneOffset odd = offsets.filter(offset -> offset.getTotalSeconds() % 3600 != 0).findFirst().orElse(null);
		if (odd != null) {
			throw new BadRequestException(
					"Argument '%s': %s is %s off UTC at times; counts are kept by the hour, so name a zone whole hours off UTC"
						.formatted(argument, zone.getId(), odd.getId()));
		}
		return zone;
	}

}
