package org.casegraph.referencecase;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.casegraph.ingest.GraphBatch;

/**
 * The synthetic layer of the reference case: what the public record leaves out (officers'
 * identities, rosters, messages), generated deterministically from a seed so that every
 * count the sources give holds. Every node and relationship it writes carries
 * {@code synthetic: true}; officers are lettered as watchdog reports do.
 *
 * <p>
 * At 30 April 2019 (S1, S3) twelve are known: eleven serving (nine PCs A-I, two sergeants
 * J-K) and one former PC (L); A is suspended; B, C, D and J are on restricted duties. M
 * and N, also PCs, come in later (S4, S5: fourteen). By 2022 (S4): A dismissed and B
 * would have been (both barred), C and D resigned, E and F disciplined (S5: two others),
 * nine still serving (E-K, M, N), L a contractor in a staff role.
 */
final class SyntheticCase {

	static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(2018, 3, 31);

	private static final LocalDate RESTRUCTURE = LocalDate.of(2018, 6, 30);

	private static final LocalDate MEASURES = LocalDate.of(2018, 6, 1);

	private static final String IMPACT = "unit:impact";

	private static final String CX_RESPONSE = "unit:cx-response";

	private static final String WEC_RESPONSE = "unit:wec-response";

	private static final String CHARING_CROSS = "station:charing-cross";

	private static final String WEST_END_CENTRAL = "station:west-end-central";

	private static final int COLLEAGUES = 40;

	private static final List<String> EARLY_SOURCES = List.of("S1", "S3", "S4", "S5");

	private static final List<String> LATE_SOURCES = List.of("S4", "S5");

	private final Random random;

	private final GraphBatch batch = new GraphBatch();

	private final List<Member> members = new ArrayList<>();

	private final Map<String, List<Member>> groups = new LinkedHashMap<>();

	private final Map<String, Double> groupFlagRate = new HashMap<>();

	private int phones;

	private SyntheticCase(long seed) {
		this.random = new Random(seed);
	}

	static GraphBatch generate(long seed) {
		SyntheticCase generator = new SyntheticCase(seed);
		generator.units();
		generator.officers();
		generator.colleagues();
		generator.chatGroups();
		generator.messages();
		generator.allegationsAndOutcomes();
		return generator.batch;
	}

	private void units() {
		unit(CX_RESPONSE, "Charing Cross Response Team", CHARING_CROSS);
		unit(WEC_RESPONSE, "West End Central Response Team", WEST_END_CENTRAL);
	}

	private void unit(String id, String name, String station) {
		batch.node(id, List.of("Unit"), Map.of("name", name, "synthetic", true, "description",
				"Synthetic neighbouring team, for cross-team traffic"));
		batch.relationship(id, "BASED_AT", station, Map.of("synthetic", true));
		batch.relationship(id, "PART_OF", "org:mps", Map.of("synthetic", true));
	}

	/** The fourteen subjects, with their careers as the sources' counts require. */
	private void officers() {
		subject("A", "PC", List.of(IMPACT), EARLY_SOURCES,
				status("SUSPENDED", MEASURES, "Suspended during the investigation"),
				status("DISMISSED", LocalDate.of(2021, 3, 15), "Dismissed for gross misconduct"));
		subject("B", "PC", List.of(IMPACT), EARLY_SOURCES, status("RESTRICTED_DUTIES", MEASURES, null),
				status("RESIGNED", LocalDate.of(2020, 11, 2), "Resigned before his hearing"));
		subject("C", "PC", List.of(IMPACT), EARLY_SOURCES, status("RESTRICTED_DUTIES", MEASURES, null),
				status("RESIGNED", LocalDate.of(2020, 6, 30), null));
		subject("D", "PC", List.of(IMPACT), EARLY_SOURCES, status("RESTRICTED_DUTIES", MEASURES, null),
				status("RESIGNED", LocalDate.of(2021, 1, 15), null));
		subject("E", "PC", List.of(IMPACT), EARLY_SOURCES);
		subject("F", "PC", List.of(IMPACT), EARLY_SOURCES);
		subject("G", "PC", List.of(IMPACT, WEC_RESPONSE), EARLY_SOURCES);
		subject("H", "PC", List.of(CX_RESPONSE, IMPACT), EARLY_SOURCES);
		subject("I", "PC", List.of(IMPACT), EARLY_SOURCES);
		subject("J", "PS", List.of(IMPACT), EARLY_SOURCES, status("RESTRICTED_DUTIES", MEASURES, null),
				status("SERVING", LocalDate.of(2021, 6, 1), "Restrictions lifted"));
		subject("K", "PS", List.of(IMPACT), EARLY_SOURCES);
		subject("L", "PC", List.of(IMPACT), EARLY_SOURCES,
				status("FORMER", LocalDate.of(2017, 9, 1), "Left the force; later a contractor in a staff role"));
		subject("M", "PC", List.of(WEC_RESPONSE), LATE_SOURCES);
		subject("N", "PC", List.of(WEC_RESPONSE, IMPACT), LATE_SOURCES);
	}

	private void subject(String letter, String rank, List<String> units, List<String> sources, Status... later) {
		String id = "officer:" + letter.toLowerCase(java.util.Locale.ROOT);
		List<Status> statuses = new ArrayList<>();
		statuses.add(status("SERVING", LocalDate.of(2009 + random.nextInt(5), 1 + random.nextInt(12), 1), null));
		statuses.addAll(List.of(later));
		Status current = statuses.getLast();
		LocalDate leftForce = "FORMER".equals(current.status()) ? current.from().minusDays(1) : null;
		officer(id, "Officer " + letter, rank, current.status(), true, sources);
		statusHistory(id, statuses, sources);
		rankHistory(id, rank, statuses.getFirst().from());
		members.add(career(id, true, units, leftForce));
	}

	/**
	 * Colleagues in the same teams who were not investigated: the network around the
	 * subjects.
	 */
	private void colleagues() {
		List<String> teams = List.of(IMPACT, IMPACT, IMPACT, CX_RESPONSE, WEC_RESPONSE);
		for (int n = 1; n <= COLLEAGUES; n++) {
			String id = "officer:colleague-%02d".formatted(n);
			String rank = (n == 1) ? "INSP" : (n % 7 == 0) ? "PS" : "PC";
			officer(id, "Colleague %02d".formatted(n), rank, "SERVING", false, List.of());
			LocalDate joined = LocalDate.of(2005 + random.nextInt(9), 1 + random.nextInt(12), 1);
			statusHistory(id, List.of(status("SERVING", joined, null)), List.of());
			rankHistory(id, rank, joined);
			members.add(career(id, false, List.of(teams.get(n % teams.size())), null));
		}
	}

	private void officer(String id, String name, String rank, String status, boolean subject, List<String> sources) {
		batch.node(id, List.of("Person", "Officer"), props("name", name, "rank", rank, "status", status, "subject",
				subject, "collarNumber", String.valueOf(100 + random.nextInt(800)) + "CX", "synthetic", true));
		cite(id, sources);
		phone(id);
	}

	/**
	 * A mobile number in the range Ofcom keeps for drama, so it can never be a real one.
	 */
	private void phone(String personId) {
		String id = personId.replace("officer:", "account:phone-");
		String handle = "+44 7700 900%03d".formatted(++phones);
		batch.node(id, List.of("Account"),
				props("kind", "PHONE", "handle", handle, "resolved", true, "synthetic", true));
		batch.relationship(personId, "USES", id, Map.of("synthetic", true));
	}

	private void statusHistory(String officerId, List<Status> statuses, List<String> sources) {
		for (int i = 0; i < statuses.size(); i++) {
			Status status = statuses.get(i);
			LocalDate to = (i + 1 < statuses.size()) ? statuses.get(i + 1).from().minusDays(1) : null;
			String id = officerId.replace("officer:", "status:") + "-" + (i + 1);
			batch.node(id, List.of("StatusPeriod"), props("status", status.status(), "from", status.from(), "to", to,
					"note", status.note(), "synthetic", true));
			batch.relationship(officerId, "HAD_STATUS", id, Map.of("synthetic", true));
			cite(id, (i == 0) ? List.of() : sources);
		}
	}

	private void rankHistory(String officerId, String rank, LocalDate joined) {
		String base = officerId.replace("officer:", "rank:");
		if ("PC".equals(rank)) {
			rankHeld(base + "-1", officerId, "PC", joined, null);
			return;
		}
		LocalDate promoted = joined.plusYears(4);
		rankHeld(base + "-1", officerId, "PC", joined, promoted.minusDays(1));
		rankHeld(base + "-2", officerId, rank, promoted, null);
	}

	private void rankHeld(String id, String officerId, String rank, LocalDate from, LocalDate to) {
		batch.node(id, List.of("RankHeld"), props("rank", rank, "from", from, "to", to, "synthetic", true));
		batch.relationship(officerId, "HELD_RANK", id, Map.of("synthetic", true));
	}

	/**
	 * Unit memberships over 2015-2018 (a move half-way for those with two units) and
	 * matching postings.
	 */
	private Member career(String personId, boolean subject, List<String> units, LocalDate leftForce) {
		LocalDate start = FIRST_DAY.minusMonths(random.nextInt(18));
		LocalDate end = (leftForce != null) ? leftForce : RESTRUCTURE;
		List<Stint> stints = new ArrayList<>();
		if (units.size() == 1) {
			stints.add(new Stint(units.getFirst(), start, end));
		}
		else {
			LocalDate move = LocalDate.of(2016, 3 + random.nextInt(6), 1);
			stints.add(new Stint(units.get(0), start, move.minusDays(1)));
			stints.add(new Stint(units.get(1), move, end));
		}
		for (int i = 0; i < stints.size(); i++) {
			membership(personId, i + 1, stints.get(i));
		}
		return new Member(personId, subject, List.copyOf(stints));
	}

	private void membership(String personId, int number, Stint stint) {
		String suffix = personId.substring(personId.indexOf(':') + 1) + "-" + number;
		LocalDate to = stint.to();
		batch.node("membership:" + suffix, List.of("Membership"),
				props("from", stint.from(), "to", to, "role", "Team member", "synthetic", true));
		batch.relationship(personId, "HAS_MEMBERSHIP", "membership:" + suffix, Map.of("synthetic", true));
		batch.relationship("membership:" + suffix, "IN_UNIT", stint.unit(), Map.of("synthetic", true));
		String station = WEC_RESPONSE.equals(stint.unit()) ? WEST_END_CENTRAL : CHARING_CROSS;
		batch.node("posting:" + suffix, List.of("Posting"), props("from", stint.from(), "to", to, "synthetic", true));
		batch.relationship(personId, "HAS_POSTING", "posting:" + suffix, Map.of("synthetic", true));
		batch.relationship("posting:" + suffix, "AT_STATION", station, Map.of("synthetic", true));
	}

	private void chatGroups() {
		group("group:impact-chat", "Impact team chat", 0.12, members.stream().filter(m -> m.everIn(IMPACT)).toList());
		group("group:night-turn", "Night turn", 0.35, pick("a", "b", "c", "d", "e", "f", "h", "l", "n"));
		group("group:gym", "Gym and supplements", 0.18, pick("a", "b", "c", "g", "m", "colleague-04"));
		group("group:wec-team", "WEC response team", 0.03,
				members.stream().filter(m -> m.everIn(WEC_RESPONSE)).toList());
	}

	private List<Member> pick(String... suffixes) {
		Set<String> ids = new LinkedHashSet<>();
		for (String suffix : suffixes) {
			ids.add("officer:" + suffix);
		}
		return members.stream().filter(m -> ids.contains(m.personId())).toList();
	}

	private void group(String id, String name, double flagRate, List<Member> groupMembers) {
		batch.node(id, List.of("ChatGroup"), props("name", name, "platform", "WhatsApp", "synthetic", true));
		cite(id, List.of("S1", "S3", "S5"));
		for (Member member : groupMembers) {
			batch.relationship(member.personId(), "IN_GROUP", id,
					props("from", member.first(), "to", member.last(), "synthetic", true));
		}
		groups.put(id, groupMembers);
		groupFlagRate.put(id, flagRate);
	}

	/**
	 * Messages with a weekly and nightly rhythm; flagged ones cluster in a few groups and
	 * among subjects.
	 */
	private void messages() {
		int sequence = 0;
		for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
			int count = dailyCount(day);
			for (int i = 0; i < count; i++) {
				sequence += message(sequence + 1, day) ? 1 : 0;
			}
		}
	}

	private int dailyCount(LocalDate day) {
		boolean weekend = day.getDayOfWeek().getValue() >= 5;
		double mean = weekend ? 4.6 : 2.4;
		return (int) Math.round(mean * (0.4 + random.nextDouble() * 1.2));
	}

	private boolean message(int sequence, LocalDate day) {
		OffsetDateTime sentAt = OffsetDateTime.of(day, nightlyTime(), ZoneOffset.UTC);
		boolean toGroup = random.nextDouble() < 0.7;
		String groupId = toGroup ? weightedGroup() : null;
		List<Member> audience = toGroup ? groups.get(groupId) : members;
		List<Member> present = audience.stream().filter(m -> m.activeOn(day)).toList();
		if (present.size() < 2) {
			return false;
		}
		Member sender = present.get(random.nextInt(present.size()));
		double rate = toGroup ? groupFlagRate.get(groupId) : 0.05;
		boolean flagged = random.nextDouble() < (sender.subject() ? rate : rate * 0.15);
		String id = "message:ref-%05d".formatted(sequence);
		batch.node(id, List.of("Message"),
				messageProperties(sequence, sentAt, toGroup ? "GROUP" : "DIRECT", flagged, sender.subject()));
		batch.relationship(sender.personId(), "SENT", id, Map.of("synthetic", true));
		if (toGroup) {
			batch.relationship(id, "POSTED_IN", groupId, Map.of("synthetic", true));
			replyInGroup(sequence, id, groupId, sentAt);
			return true;
		}
		batch.relationship(id, "TO", directRecipient(sender, present, day).personId(), Map.of("synthetic", true));
		return true;
	}

	/**
	 * Every sixth group message replies to the group's last message before it in time;
	 * chosen from the sequence number, not the random source, so the rest of the case
	 * stays as it was.
	 */
	private void replyInGroup(int sequence, String id, String groupId, OffsetDateTime sentAt) {
		Posted last = lastInGroup.get(groupId);
		if (sequence % 6 == 0 && last != null && last.sentAt().isBefore(sentAt)) {
			batch.relationship(id, "IN_REPLY_TO", last.id(), Map.of("synthetic", true));
		}
		if (last == null || last.sentAt().isBefore(sentAt)) {
			lastInGroup.put(groupId, new Posted(id, sentAt));
		}
	}

	private final Map<String, Posted> lastInGroup = new HashMap<>();

	private record Posted(String id, OffsetDateTime sentAt) {
	}

	private Member directRecipient(Member sender, List<Member> present, LocalDate day) {
		List<Member> teammates = present.stream()
			.filter(m -> !m.equals(sender) && m.unitOn(day).equals(sender.unitOn(day)))
			.toList();
		List<Member> pool = (!teammates.isEmpty() && random.nextDouble() < 0.8) ? teammates
				: present.stream().filter(m -> !m.equals(sender)).toList();
		return pool.get(random.nextInt(pool.size()));
	}

	private LocalTime nightlyTime() {
		int hour = (random.nextDouble() < 0.7) ? (20 + random.nextInt(8)) % 24 : 8 + random.nextInt(12);
		return LocalTime.of(hour, random.nextInt(60), random.nextInt(60));
	}

	private String weightedGroup() {
		double pick = random.nextDouble();
		if (pick < 0.45) {
			return "group:impact-chat";
		}
		if (pick < 0.70) {
			return "group:night-turn";
		}
		return (pick < 0.82) ? "group:gym" : "group:wec-team";
	}

	private Map<String, Object> messageProperties(int sequence, OffsetDateTime sentAt, String channel, boolean flagged,
			boolean bySubject) {
		String flag = flagged ? FLAGS.get(random.nextInt(FLAGS.size())) : null;
		boolean deleted = flagged && bySubject && random.nextDouble() < 0.12;
		String body = flagged ? flaggedBody(sequence, flag) : TOPICS.get(random.nextInt(TOPICS.size()));
		return props("sentAt", sentAt, "channel", channel, "body", body, "discriminatory",
				"discriminatory".equals(flag), "sexualised", "sexualised".equals(flag), "violent",
				"violent".equals(flag), "threatening", "threatening".equals(flag), "flagged", flagged,
				"deletedRecovered", deleted, "synthetic", true);
	}

	/**
	 * A flagged message's text: four in five carry one of the reference term list's
	 * placeholder words ({@code terms/reference-case.txt}) in place of real wording, the
	 * fifth none, so that term hits and imported flags can be compared. Chosen from the
	 * sequence number, not the random source, so the rest of the case stays as it was.
	 */
	private static String flaggedBody(int sequence, String flag) {
		if (sequence % 5 == 0) {
			return "Synthetic message flagged as " + flag + "; no real text is reproduced";
		}
		String words = PLACEHOLDERS.get((sequence / 5) % PLACEHOLDERS.size());
		return "Synthetic message flagged as " + flag + ": " + words
				+ " (placeholder words; no real text is reproduced)";
	}

	/**
	 * The wording of the reference term list's terms as the flagged messages use them.
	 */
	static final List<String> PLACEHOLDERS = List.of("bluebottle", "tin hat", "code marmalade", "Paper Lantern",
			"night owls", "lemon squeezer", "kettled", "Bluebottle", "kettling");

	private static final List<String> FLAGS = List.of("discriminatory", "discriminatory", "sexualised", "sexualised",
			"violent", "threatening");

	private static final List<String> TOPICS = List.of("Synthetic: anyone swap a late turn on Friday?",
			"Synthetic: briefing moved to 21:30 tonight", "Synthetic: busy around Leicester Square, back-up needed",
			"Synthetic: Piccadilly Circus quiet for once", "Synthetic: who has the van keys?",
			"Synthetic: overtime sheet is on the board", "Synthetic: gym after the early turn?",
			"Synthetic: running late, stuck on the Strand", "Synthetic: custody full at Charing Cross",
			"Synthetic: good work tonight all");

	/**
	 * Allegations by officer and category (the categories the sources list), their
	 * outcomes and links.
	 */
	private void allegationsAndOutcomes() {
		allege("a", "VIOLENCE_TOWARDS_WOMEN:PROVEN", "DISCRIMINATORY_LANGUAGE:PROVEN",
				"TAKING_ADVANTAGE_OF_VULNERABLE_PEOPLE:NOT_PROVEN");
		allege("b", "DISCRIMINATORY_LANGUAGE:PROVEN", "BULLYING:PROVEN", "PERVERTING_THE_COURSE_OF_JUSTICE:PROVEN");
		allege("c", "CONTROLLED_SUBSTANCES:ALLEGED", "DISCRIMINATORY_LANGUAGE:ALLEGED");
		allege("d", "SEXUAL_HARASSMENT:ALLEGED", "JOKES_ABOUT_RAPE:ALLEGED");
		allege("e", "DISCRIMINATORY_LANGUAGE:PROVEN", "FAILURE_TO_REPORT:PROVEN");
		allege("f", "BULLYING:PROVEN", "JOKES_ABOUT_RAPE:PROVEN");
		allege("g", "CONTROLLED_SUBSTANCES:NOT_PROVEN", "FAILURE_TO_REPORT:PROVEN");
		allege("h", "DISCRIMINATORY_LANGUAGE:NOT_PROVEN", "FAILURE_TO_REPORT:PROVEN");
		allege("i", "FAILURE_TO_REPORT:NOT_PROVEN");
		allege("j", "FAILURE_TO_REPORT:PROVEN", "BULLYING:NOT_PROVEN");
		allege("k", "FAILURE_TO_REPORT:PROVEN");
		allege("l", "DISCRIMINATORY_LANGUAGE:NOT_PROVEN");
		allege("m", "CONTROLLED_SUBSTANCES:NOT_PROVEN", "SEXUAL_HARASSMENT:NOT_PROVEN");
		allege("n", "JOKES_ABOUT_RAPE:PROVEN");
		batch.relationship("allegation:trigger", "AGAINST", "officer:a", Map.of("synthetic", true));
		outcomes();
		links();
	}

	private final Map<String, Set<String>> subjectsByInvestigation = new LinkedHashMap<>();

	private void allege(String letter, String... categoriesWithStatus) {
		String officerId = "officer:" + letter;
		boolean late = "m".equals(letter) || "n".equals(letter);
		for (int i = 0; i < categoriesWithStatus.length; i++) {
			String[] parts = categoriesWithStatus[i].split(":");
			String id = "allegation:" + letter + "-" + (i + 1);
			LocalDate reported = late ? LocalDate.of(2019, 9, 2) : LocalDate.of(2018, 3 + random.nextInt(10), 1);
			// Officer H's first allegation dates from his time in CX Response, before the
			// move of 2016, so that one officer has allegations in two teams (the draw
			// above is kept, so that the rest of the synthetic layer stays as it was).
			reported = ("h".equals(letter) && i == 0) ? LocalDate.of(2015, 11, 2) : reported;
			batch.node(id, List.of("Allegation"), props("category", parts[0], "status", parts[1], "reported", reported,
					"standard", STANDARDS.get(parts[0]), "synthetic", true, "description",
					"Synthetic allegation of " + parts[0].toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
			batch.relationship(id, "AGAINST", officerId, Map.of("synthetic", true));
			String investigation = "investigation:hotton-" + (late ? 9 : INVESTIGATION_BY_CATEGORY.get(parts[0]));
			batch.relationship(investigation, "EXAMINES", id, Map.of("synthetic", true));
			subjectsByInvestigation.computeIfAbsent(investigation, k -> new LinkedHashSet<>()).add(officerId);
			cite(id, CATEGORY_SOURCES.getOrDefault(parts[0], List.of("S1", "S2", "S3", "S5")));
		}
	}

	private static final Map<String, Integer> INVESTIGATION_BY_CATEGORY = Map.of(
			"TAKING_ADVANTAGE_OF_VULNERABLE_PEOPLE", 1, "VIOLENCE_TOWARDS_WOMEN", 2, "DISCRIMINATORY_LANGUAGE", 3,
			"BULLYING", 4, "CONTROLLED_SUBSTANCES", 5, "PERVERTING_THE_COURSE_OF_JUSTICE", 6, "SEXUAL_HARASSMENT", 7,
			"JOKES_ABOUT_RAPE", 7, "FAILURE_TO_REPORT", 8);

	private static final Map<String, List<String>> CATEGORY_SOURCES = Map.of("SEXUAL_HARASSMENT", List.of("S4"),
			"JOKES_ABOUT_RAPE", List.of("S4"));

	private static final Map<String, String> STANDARDS = Map.of("VIOLENCE_TOWARDS_WOMEN", "Discreditable conduct",
			"TAKING_ADVANTAGE_OF_VULNERABLE_PEOPLE", "Discreditable conduct", "CONTROLLED_SUBSTANCES",
			"Fitness for work", "BULLYING", "Authority, respect and courtesy", "PERVERTING_THE_COURSE_OF_JUSTICE",
			"Honesty and integrity", "DISCRIMINATORY_LANGUAGE", "Equality and diversity", "FAILURE_TO_REPORT",
			"Challenging and reporting improper conduct", "SEXUAL_HARASSMENT", "Authority, respect and courtesy",
			"JOKES_ABOUT_RAPE", "Discreditable conduct");

	private void outcomes() {
		outcome("a", "SUSPENSION", MEASURES, 1, List.of("S1", "S3"));
		outcome("a", "DISMISSAL_GROSS_MISCONDUCT", LocalDate.of(2021, 3, 15), 2, LATE_SOURCES);
		outcome("a", "BARRED_LIST", LocalDate.of(2021, 3, 15), 2, LATE_SOURCES);
		outcome("b", "RESTRICTED_DUTIES", MEASURES, 3, List.of("S1", "S3"));
		outcome("b", "WOULD_HAVE_BEEN_DISMISSED", LocalDate.of(2020, 12, 10), 6, LATE_SOURCES);
		outcome("b", "BARRED_LIST", LocalDate.of(2020, 12, 10), 6, LATE_SOURCES);
		outcome("c", "RESTRICTED_DUTIES", MEASURES, 5, List.of("S1", "S3"));
		outcome("c", "RESIGNATION", LocalDate.of(2020, 6, 30), 5, LATE_SOURCES);
		outcome("c", "ADVISORY_LIST", LocalDate.of(2020, 7, 15), 5, LATE_SOURCES);
		outcome("d", "RESTRICTED_DUTIES", MEASURES, 7, List.of("S1", "S3"));
		outcome("d", "RESIGNATION", LocalDate.of(2021, 1, 15), 7, LATE_SOURCES);
		outcome("d", "ADVISORY_LIST", LocalDate.of(2021, 2, 1), 7, LATE_SOURCES);
		outcome("e", "FINAL_WRITTEN_WARNING", LocalDate.of(2021, 6, 14), 3, LATE_SOURCES);
		outcome("f", "FINAL_WRITTEN_WARNING", LocalDate.of(2021, 6, 14), 4, LATE_SOURCES);
		outcome("g", "REFLECTIVE_PRACTICE", LocalDate.of(2021, 5, 10), 8, LATE_SOURCES);
		outcome("h", "REFLECTIVE_PRACTICE", LocalDate.of(2021, 5, 10), 8, LATE_SOURCES);
		outcome("i", "NO_CASE_TO_ANSWER", LocalDate.of(2021, 2, 8), 8, LATE_SOURCES);
		outcome("j", "RESTRICTED_DUTIES", MEASURES, 8, List.of("S1", "S3"));
		outcome("j", "REFLECTIVE_PRACTICE", LocalDate.of(2021, 5, 10), 8, LATE_SOURCES);
		outcome("k", "REFLECTIVE_PRACTICE", LocalDate.of(2021, 5, 10), 8, LATE_SOURCES);
		outcome("l", "NO_CASE_TO_ANSWER", LocalDate.of(2021, 2, 8), 3, LATE_SOURCES);
		outcome("m", "NO_CASE_TO_ANSWER", LocalDate.of(2021, 9, 6), 9, LATE_SOURCES);
		outcome("n", "REFLECTIVE_PRACTICE", LocalDate.of(2021, 9, 6), 9, LATE_SOURCES);
	}

	private void outcome(String letter, String kind, LocalDate date, int investigation, List<String> sources) {
		String id = "outcome:" + letter + "-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		batch.node(id, List.of("Outcome"), props("kind", kind, "date", date, "synthetic", true));
		batch.relationship(id, "FOR", "officer:" + letter, Map.of("synthetic", true));
		batch.relationship("investigation:hotton-" + investigation, "RESULTED_IN", id, Map.of("synthetic", true));
		cite(id, sources);
	}

	/** Investigations that examine the same officer are linked, once per pair. */
	private void links() {
		List<String> investigations = new ArrayList<>(subjectsByInvestigation.keySet());
		investigations.sort(null);
		for (int i = 0; i < investigations.size(); i++) {
			for (int j = i + 1; j < investigations.size(); j++) {
				link(investigations.get(i), investigations.get(j));
			}
		}
	}

	private void link(String first, String second) {
		Set<String> shared = new LinkedHashSet<>(subjectsByInvestigation.get(first));
		shared.retainAll(subjectsByInvestigation.get(second));
		if (!shared.isEmpty()) {
			batch.relationship(first, "LINKED_TO", second,
					Map.of("reason", "SHARED_SUBJECT", "shared", List.copyOf(shared), "synthetic", true));
		}
	}

	private void cite(String id, List<String> sourceLabels) {
		for (String label : sourceLabels) {
			batch.relationship(id, "CITES", "source:" + label);
		}
	}

	private static Status status(String status, LocalDate from, String note) {
		return new Status(status, from, note);
	}

	private static Map<String, Object> props(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private record Status(String status, LocalDate from, String note) {
	}

	private record Stint(String unit, LocalDate from, LocalDate to) {

		boolean covers(LocalDate day) {
			return !day.isBefore(from) && !day.isAfter(to);
		}

	}

	private record Member(String personId, boolean subject, List<Stint> stints) {

		boolean everIn(String unit) {
			return stints.stream().anyMatch(s -> s.unit().equals(unit));
		}

		boolean activeOn(LocalDate day) {
			return stints.stream().anyMatch(s -> s.covers(day));
		}

		String unitOn(LocalDate day) {
			return stints.stream().filter(s -> s.covers(day)).map(Stint::unit).findFirst().orElse("");
		}

		LocalDate first() {
			return stints.getFirst().from();
		}

		LocalDate last() {
			return stints.getLast().to();
		}

	}

}
