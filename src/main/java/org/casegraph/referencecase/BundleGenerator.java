package org.casegraph.referencecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.casegraph.allegation.AllegationCategory;
import org.casegraph.allegation.AllegationStatus;
import org.casegraph.investigation.InvestigationMode;
import org.casegraph.investigation.OutcomeKind;
import org.casegraph.messaging.MessageChannel;
import org.casegraph.organisation.OfficerStatus;

/**
 * Writes a synthetic CSV bundle, the same for the same seed: officers in units under
 * stations over four years, moves between units, a team chat per unit and cross-team
 * social groups, heavy-tailed messaging (a few officers send most messages), mostly
 * within teams, with a weekly and nightly rhythm; flagged messages cluster in a few
 * groups, and allegations and investigations follow the officers who send them.
 * Everything it writes is marked synthetic.
 */
public final class BundleGenerator {

	/**
	 * A size.
	 *
	 * @param officers officers
	 * @param messages messages
	 */
	public record Tier(String name, int officers, int messages) {

		public static Tier of(String name) {
			return switch (name.toUpperCase(java.util.Locale.ROOT)) {
				case "S" -> new Tier("S", 60, 4_000);
				case "M" -> new Tier("M", 5_000, 1_000_000);
				case "L" -> new Tier("L", 50_000, 10_000_000);
				default -> throw new IllegalArgumentException("tier must be S, M or L, not " + name);
			};
		}

	}

	static final LocalDate START = LocalDate.of(2015, 1, 1);

	static final int DAYS = (int) ChronoUnit.DAYS.between(START, LocalDate.of(2019, 1, 1));

	private static final int TEAM_SIZE = 12;

	private static final String[] FLAGS = { "discriminatory", "sexualised", "violent", "threatening" };

	private static final AllegationCategory[] CATEGORY_OF_FLAG = { AllegationCategory.DISCRIMINATORY_LANGUAGE,
			AllegationCategory.SEXUAL_HARASSMENT, AllegationCategory.VIOLENCE_TOWARDS_WOMEN,
			AllegationCategory.BULLYING };

	private static final String[] TOPICS = { "shift swap on Friday?", "briefing moved to 21:30",
			"back-up needed at the square", "who has the van keys?", "overtime sheet is up", "custody is full",
			"running late", "good work tonight", "training moved to Tuesday", "anyone for the gym?" };

	private final Tier tier;

	private final Random random;

	private final Path out;

	private final int units;

	private final int stations;

	private final int socialGroups;

	/** Per officer: first unit, second unit (or -1), day of the move. */
	private final int[] firstUnit;

	private final int[] secondUnit;

	private final int[] moveDay;

	private final double[] cumulativeActivity;

	private final int[][] teamRoster;

	private final int[] socialGroupOf;

	private final boolean[] toxicGroup;

	/** Per group, the last message written to it: what a reply replies to. */
	private final String[] lastInGroup;

	private final int[][] flaggedByOfficer;

	private BundleGenerator(Tier tier, long seed, Path out) {
		this.tier = tier;
		this.random = new Random(seed);
		this.out = out;
		this.units = Math.max(3, tier.officers() / TEAM_SIZE);
		this.stations = Math.max(2, units / 8);
		this.socialGroups = Math.max(1, units / 10);
		this.firstUnit = new int[tier.officers()];
		this.secondUnit = new int[tier.officers()];
		this.moveDay = new int[tier.officers()];
		this.cumulativeActivity = new double[tier.officers()];
		this.teamRoster = new int[units][];
		this.socialGroupOf = new int[tier.officers()];
		this.toxicGroup = new boolean[units + socialGroups];
		this.lastInGroup = new String[units + socialGroups];
		this.flaggedByOfficer = new int[tier.officers()][FLAGS.length];
	}

	/** Writes the bundle into {@code out} and returns how many rows each file got. */
	public static Map<String, Long> generate(Tier tier, long seed, Path out) {
		try {
			Files.createDirectories(out);
			return new BundleGenerator(tier, seed, out).write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, Long> write() throws IOException {
		Map<String, Long> rows = new LinkedHashMap<>();
		plan();
		rows.put("stations.csv", stations());
		rows.put("units.csv", units());
		rows.put("people.csv", people());
		rows.put("memberships.csv", memberships());
		rows.put("postings.csv", postings());
		rows.put("chat_groups.csv", chatGroups());
		rows.put("group_members.csv", groupMembers());
		rows.putAll(messages());
		rows.putAll(allegations());
		return rows;
	}

	private void plan() {
		double total = 0;
		for (int o = 0; o < tier.officers(); o++) {
			firstUnit[o] = o % units;
			boolean moves = random.nextDouble() < 0.3;
			secondUnit[o] = moves ? random.nextInt(units) : -1;
			moveDay[o] = moves ? 180 + random.nextInt(DAYS - 360) : DAYS;
			total += 1.0 / Math.pow(1 + random.nextInt(1000), 0.8);
			cumulativeActivity[o] = total;
			socialGroupOf[o] = (random.nextDouble() < 0.4) ? random.nextInt(socialGroups) : -1;
		}
		for (int g = 0; g < toxicGroup.length; g++) {
			toxicGroup[g] = random.nextDouble() < 0.05;
		}
		toxicGroup[0] = true;
	}

	private long stations() throws IOException {
		return csv("stations.csv", new String[] { "id", "name", "synthetic" }, w -> {
			for (int s = 0; s < stations; s++) {
				w.writeRecord("station:g" + s, "Station " + s, "true");
			}
			return stations;
		});
	}

	private long units() throws IOException {
		return csv("units.csv", new String[] { "id", "name", "station", "synthetic" }, w -> {
			for (int u = 0; u < units; u++) {
				w.writeRecord("unit:g" + u, "Team " + u, "station:g" + (u % stations), "true");
			}
			return units;
		});
	}

	private long people() throws IOException {
		return csv("people.csv",
				new String[] { "id", "name", "officer", "rank", "status", "collarNumber", "synthetic" }, w -> {
					for (int o = 0; o < tier.officers(); o++) {
						String rank = (o % TEAM_SIZE == 0) ? "PS" : "PC";
						w.writeRecord(officer(o), "Officer " + o, "true", rank, OfficerStatus.SERVING.name(),
								String.valueOf(1000 + o), "true");
					}
					return tier.officers();
				});
	}

	private long memberships() throws IOException {
		return csv("memberships.csv", new String[] { "person", "unit", "from", "to", "synthetic" }, w -> {
			long rows = 0;
			for (int o = 0; o < tier.officers(); o++) {
				w.writeRecord(officer(o), "unit:g" + firstUnit[o], day(0), day(moveDay[o] - 1), "true");
				rows++;
				if (secondUnit[o] >= 0) {
					w.writeRecord(officer(o), "unit:g" + secondUnit[o], day(moveDay[o]), day(DAYS - 1), "true");
					rows++;
				}
			}
			return rows;
		});
	}

	private long postings() throws IOException {
		return csv("postings.csv", new String[] { "person", "station", "from", "to", "synthetic" }, w -> {
			long rows = 0;
			for (int o = 0; o < tier.officers(); o++) {
				w.writeRecord(officer(o), "station:g" + (firstUnit[o] % stations), day(0), day(moveDay[o] - 1), "true");
				rows++;
				if (secondUnit[o] >= 0) {
					w.writeRecord(officer(o), "station:g" + (secondUnit[o] % stations), day(moveDay[o]), day(DAYS - 1),
							"true");
					rows++;
				}
			}
			return rows;
		});
	}

	private long chatGroups() throws IOException {
		return csv("chat_groups.csv", new String[] { "id", "name", "platform", "synthetic" }, w -> {
			for (int u = 0; u < units; u++) {
				w.writeRecord("group:team-" + u, "Team " + u + " chat", "WhatsApp", "true");
			}
			for (int g = 0; g < socialGroups; g++) {
				w.writeRecord("group:social-" + g, "Social " + g, "WhatsApp", "true");
			}
			return units + socialGroups;
		});
	}

	private long groupMembers() throws IOException {
		return csv("group_members.csv", new String[] { "group", "person", "from", "to" }, w -> {
			long rows = 0;
			for (int o = 0; o < tier.officers(); o++) {
				w.writeRecord("group:team-" + firstUnit[o], officer(o), day(0), day(moveDay[o] - 1));
				rows++;
				if (secondUnit[o] >= 0 && secondUnit[o] != firstUnit[o]) {
					w.writeRecord("group:team-" + secondUnit[o], officer(o), day(moveDay[o]), day(DAYS - 1));
					rows++;
				}
				if (socialGroupOf[o] >= 0) {
					w.writeRecord("group:social-" + socialGroupOf[o], officer(o), day(0), day(DAYS - 1));
					rows++;
				}
			}
			return rows;
		});
	}

	private Map<String, Long> messages() throws IOException {
		rosters();
		long[] recipients = new long[1];
		long messages;
		try (CsvWriter w = writer("messages.csv"); CsvWriter to = writer("message_recipients.csv")) {
			w.writeRecord("id", "sender", "sentAt", "channel", "group", "body", "discriminatory", "sexualised",
					"violent", "threatening", "deletedRecovered", "synthetic", "inReplyTo");
			to.writeRecord("message", "recipient");
			for (int m = 0; m < tier.messages(); m++) {
				recipients[0] += message(m, w, to);
			}
			messages = tier.messages();
		}
		return Map.of("messages.csv", messages, "message_recipients.csv", recipients[0]);
	}

	/** Writes one message; returns how many recipient rows it needed. */
	private int message(int m, CsvWriter w, CsvWriter to) {
		int sender = sender();
		int day = weightedDay();
		int unit = unitOn(sender, day);
		double channel = random.nextDouble();
		String group = null;
		int groupIndex = -1;
		if (channel < 0.6) {
			boolean social = socialGroupOf[sender] >= 0 && random.nextDouble() < 0.25;
			groupIndex = social ? units + socialGroupOf[sender] : unit;
			group = social ? "group:social-" + socialGroupOf[sender] : "group:team-" + unit;
		}
		double flagRate = (groupIndex >= 0) ? (toxicGroup[groupIndex] ? 0.15 : 0.004) : 0.01;
		int flag = (random.nextDouble() < flagRate) ? random.nextInt(FLAGS.length) : -1;
		if (flag >= 0) {
			flaggedByOfficer[sender][flag]++;
		}
		String id = "message:g" + m;
		String kind = ((group != null) ? MessageChannel.GROUP
				: (channel < 0.95) ? MessageChannel.DIRECT : MessageChannel.SMS)
			.name();
		String body = (flag >= 0) ? "Synthetic message flagged as " + FLAGS[flag]
				: "Synthetic: " + TOPICS[random.nextInt(TOPICS.length)];
		String inReplyTo = (groupIndex >= 0 && m % 8 == 5 && lastInGroup[groupIndex] != null) ? lastInGroup[groupIndex]
				: "";
		w.writeRecord(id, officer(sender), time(day), kind, (group != null) ? group : "", body,
				String.valueOf(flag == 0), String.valueOf(flag == 1), String.valueOf(flag == 2),
				String.valueOf(flag == 3), String.valueOf(flag >= 0 && random.nextDouble() < 0.1), "true", inReplyTo);
		if (group != null) {
			lastInGroup[groupIndex] = id;
			return 0;
		}
		to.writeRecord(id, officer(recipient(sender, unit, day)));
		return 1;
	}

	private int sender() {
		double pick = random.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
		int index = Arrays.binarySearch(cumulativeActivity, pick);
		return Math.min(cumulativeActivity.length - 1, (index >= 0) ? index : -index - 1);
	}

	private int recipient(int sender, int unit, int day) {
		int[] team = teamRoster[unit];
		for (int attempt = 0; attempt < 4 && random.nextDouble() < 0.8; attempt++) {
			int candidate = team[random.nextInt(team.length)];
			if (candidate != sender && unitOn(candidate, day) == unit) {
				return candidate;
			}
		}
		int other = random.nextInt(tier.officers() - 1);
		return (other >= sender) ? other + 1 : other;
	}

	/** More on Friday and Saturday; the day's hour comes in {@link #time}. */
	private int weightedDay() {
		while (true) {
			int day = random.nextInt(DAYS);
			int weekday = START.plusDays(day).getDayOfWeek().getValue();
			double weight = (weekday >= 5 && weekday <= 6) ? 1.0 : 0.55;
			if (random.nextDouble() < weight) {
				return day;
			}
		}
	}

	private String time(int day) {
		int hour = (random.nextDouble() < 0.65) ? (19 + random.nextInt(10)) % 24 : 7 + random.nextInt(12);
		LocalDateTime time = START.plusDays(day).atTime(hour, random.nextInt(60), random.nextInt(60));
		return time.atOffset(ZoneOffset.UTC).toString();
	}

	private int unitOn(int officer, int day) {
		return (day < moveDay[officer] || secondUnit[officer] < 0) ? firstUnit[officer] : secondUnit[officer];
	}

	private void rosters() {
		List<List<Integer>> members = new ArrayList<>();
		for (int u = 0; u < units; u++) {
			members.add(new ArrayList<>());
		}
		for (int o = 0; o < tier.officers(); o++) {
			members.get(firstUnit[o]).add(o);
			if (secondUnit[o] >= 0) {
				members.get(secondUnit[o]).add(o);
			}
		}
		for (int u = 0; u < units; u++) {
			teamRoster[u] = members.get(u).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	/**
	 * Officers who sent three or more flagged messages of a kind face an allegation of
	 * the matching category.
	 */
	private Map<String, Long> allegations() throws IOException {
		long allegations = 0;
		long outcomes = 0;
		try (CsvWriter a = writer("allegations.csv");
				CsvWriter i = writer("investigations.csv");
				CsvWriter x = writer("outcomes.csv")) {
			a.writeRecord("id", "subject", "category", "status", "reported", "investigation", "synthetic");
			i.writeRecord("id", "reference", "title", "mode", "opened", "synthetic");
			x.writeRecord("id", "officer", "investigation", "kind", "date", "synthetic");
			for (int f = 0; f < FLAGS.length; f++) {
				i.writeRecord("investigation:g" + f, "GEN-" + f, "Messages flagged as " + FLAGS[f],
						InvestigationMode.INDEPENDENT.name(), day(DAYS - 1), "true");
			}
			for (int o = 0; o < tier.officers(); o++) {
				for (int f = 0; f < FLAGS.length; f++) {
					if (flaggedByOfficer[o][f] < 3) {
						continue;
					}
					String id = "allegation:g" + o + "-" + f;
					boolean proven = flaggedByOfficer[o][f] >= 6;
					a.writeRecord(id, officer(o), CATEGORY_OF_FLAG[f].name(),
							(proven ? AllegationStatus.PROVEN : AllegationStatus.NOT_PROVEN).name(), day(DAYS - 1),
							"investigation:g" + f, "true");
					allegations++;
					x.writeRecord("outcome:g" + o + "-" + f, officer(o), "investigation:g" + f,
							(proven ? OutcomeKind.FINAL_WRITTEN_WARNING : OutcomeKind.NO_CASE_TO_ANSWER).name(),
							day(DAYS - 1), "true");
					outcomes++;
				}
			}
		}
		return Map.of("allegations.csv", allegations, "investigations.csv", (long) FLAGS.length, "outcomes.csv",
				outcomes);
	}

	private static String officer(int o) {
		return "officer:g" + o;
	}

	private static String day(int day) {
		return START.plusDays(day).toString();
	}

	private CsvWriter writer(String file) throws IOException {
		return CsvWriter.builder().build(out.resolve(file));
	}

	private long csv(String file, String[] header, Rows rows) throws IOException {
		try (CsvWriter w = writer(file)) {
			w.writeRecord(header);
			return rows.write(w);
		}
	}

	@FunctionalInterface
	private interface Rows {

		long write(CsvWriter writer) throws IOException;

	}

}
