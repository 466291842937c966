package org.casegraph.network;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.query.BadRequestException;
import org.casegraph.query.TimeZones;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * When the people in a scope send messages: counts by weekday and hour of day in a time
 * zone, and per month, read from the activity aggregate (messages per sender and hour),
 * never by scanning messages. A person counts only on the days (in that zone) they
 * belonged to the scope.
 */
@Component
class Activity {

	private static final int SECONDS_PER_HOUR = 3600;

	private final String activity = CypherScript.load("cypher/network/activity.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	Activity(ReadOnlyCypher cypher, Scopes scopes) {
		this.cypher = cypher;
		this.scopes = scopes;
	}

	Result of(ScopeInput scopeInput, LocalDate from, LocalDate to, String zoneName, boolean flaggedOnly) {
		ZoneId zone = TimeZones.wholeHours(zoneName, "zone");
		if (from != null && to != null && to.isBefore(from)) {
			throw new BadRequestException("Argument 'to': %s is before 'from' (%s)".formatted(to, from));
		}
		return cypher.read(statements -> {
			Scopes.Scope scope = scopeInput.everyone() ? null
					: scopes.resolve(statements, "scope", scopeInput, false).during(from, to);
			Map<String, Object> parameters = new HashMap<>();
			parameters.put("ids", scope == null ? null : scope.ids());
			parameters.put("fromMonth", from == null ? null : utcMonth(from.minusDays(1)));
			parameters.put("toMonth", to == null ? null : utcMonth(to.plusDays(1)));
			Counts counts = new Counts(zone, from, to, flaggedOnly);
			for (Record record : statements.run(activity, parameters)) {
				Periods belonged = scope == null ? Periods.ALWAYS : scope.periodsOf(record.get("sender").asString());
				counts.add(record, belonged);
			}
			return counts.result();
		});
	}

	private static long utcMonth(LocalDate day) {
		return day.getYear() * 100L + day.getMonthValue();
	}

	/** Messages by weekday and hour, and by month, as the aggregate's hours are read. */
	private static final class Counts {

		private final ZoneId zone;

		private final LocalDate from;

		private final LocalDate to;

		private final boolean flaggedOnly;

		/** [weekday 0-6 from Monday][hour][all, flagged]. */
		private final long[][][] cells = new long[7][24][2];

		private final TreeMap<YearMonth, long[]> months = new TreeMap<>();

		Counts(ZoneId zone, LocalDate from, LocalDate to, boolean flaggedOnly) {
			this.zone = zone;
			this.from = from;
			this.to = to;
			this.flaggedOnly = flaggedOnly;
		}

		void add(Record record, Periods belonged) {
			List<Long> hours = record.get("hours").asList(Value::asLong);
			List<Long> counts = record.get("counts").asList(Value::asLong);
			List<Long> flagged = record.get("flagged").asList(Value::asLong);
			for (int i = 0; i < hours.size(); i++) {
				ZonedDateTime local = local(hours.get(i));
				LocalDate day = local.toLocalDate();
				if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))
						|| !belonged.contains(day)) {
					continue;
				}
				long[] cell = cells[local.getDayOfWeek().getValue() - 1][local.getHour()];
				long[] month = months.computeIfAbsent(YearMonth.from(day), key -> new long[2]);
				cell[0] += counts.get(i);
				cell[1] += flagged.get(i);
				month[0] += counts.get(i);
				month[1] += flagged.get(i);
			}
		}

		private ZonedDateTime local(long hour) {
			return Instant.ofEpochSecond(hour * SECONDS_PER_HOUR).atZone(zone);
		}

		Result result() {
			List<Cell> cellList = new ArrayList<>(7 * 24);
			long total = 0;
			long totalFlagged = 0;
			for (int day = 0; day < 7; day++) {
				for (int hour = 0; hour < 24; hour++) {
					long[] cell = cells[day][hour];
					cellList.add(new Cell(day + 1, hour, shown(cell), cell[1]));
					total += shown(cell);
					totalFlagged += cell[1];
				}
			}
			List<Month> monthList = months.entrySet()
				.stream()
				.map(entry -> new Month(entry.getKey().toString(), shown(entry.getValue()), entry.getValue()[1]))
				.toList();
			return new Result(zone.getId(), from, to, flaggedOnly, total, totalFlagged, List.copyOf(cellList),
					monthList);
		}

		private long shown(long[] counts) {
			return flaggedOnly ? counts[1] : counts[0];
		}

	}

	/**
	 * A scope's activity.
	 *
	 * @param messages messages counted (flagged ones only, with {@code flaggedOnly})
	 * @param flagged flagged messages among them
	 * @param cells every weekday (1 Monday to 7 Sunday) and hour (0 to 23), zeros
	 * included, Monday 00:00 first
	 * @param months each month with messages, oldest first
	 */
	record Result(String zone, LocalDate from, LocalDate to, boolean flaggedOnly, long messages, long flagged,
			List<Cell> cells, List<Month> months) {
	}

	record Cell(int dayOfWeek, int hour, long messages, long flagged) {
	}

	record Month(String month, long messages, long flagged) {
	}

}
