package org.casegraph.ingest.read;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.casegraph.ingest.GraphBatch;
import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.casegraph.ingest.WriteCounts;

/**
 * A WhatsApp chat export (.txt) as one chat group. Both shapes: Android
 * {@code dd/mm/yyyy, hh:mm - Name: text} and iOS
 * {@code [dd/mm/yyyy, hh:mm:ss] Name: text}, with 12- or 24-hour times. A line that does
 * not start a message continues the one before. System lines (joined, left, added,
 * removed, changed the subject, encryption notices) are not messages but date
 * memberships; media placeholders and deleted messages are messages that say so.
 * Participants become people through an alias file; the rest stay unresolved accounts and
 * are listed.
 */
public final class WhatsAppReader {

	private static final String U = "[\\u200e\\u200f\\u202a-\\u202e]*";

	private static final Pattern ANDROID = Pattern.compile("^" + U
			+ "(\\d{1,2})/(\\d{1,2})/(\\d{2,4}),? (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[\\s\\u202f]?([aApP]\\.?[mM]\\.?))? - (.*)$");

	private static final Pattern IOS = Pattern.compile("^" + U
			+ "\\[(\\d{1,2})/(\\d{1,2})/(\\d{2,4}),? (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[\\s\\u202f]?([aApP]\\.?[mM]\\.?))?\\] (.*)$");

	private static final Pattern SENDER = Pattern.compile("^([^:]{1,80}?): (.*)$", Pattern.DOTALL);

	private static final Pattern JOINED = Pattern.compile("^(.+?) (?:joined using this group's invite link|joined)$");

	private static final Pattern LEFT = Pattern.compile("^(.+?) left$");

	private static final Pattern ADDED = Pattern.compile("^(.+?) added (.+)$");

	private static final Pattern REMOVED = Pattern.compile("^(.+?) removed (.+)$");

	private static final Pattern CREATED = Pattern.compile("^(.+?) created (?:group \".*\"|this group)$");

	/** System lines that change no membership. */
	private static final Pattern NOTICE = Pattern.compile("^(?:Messages and calls are end-to-end encrypted"
			+ "|Messages to this group are now secured with end-to-end encryption"
			+ "|Your security code with .+ changed"
			+ "|.+ changed (?:the subject|this group's icon|the group description"
			+ "|the group's settings|their phone number|the settings)"
			+ "|.+ deleted this group's icon|.+ is now an admin|You're now an admin"
			+ "|This group was created by .+|.+ changed to \\+?[\\d ()-]+).*$", Pattern.DOTALL);

	private static final List<String> MEDIA = List.of("<media omitted>", "image omitted", "video omitted",
			"audio omitted", "sticker omitted", "document omitted", "gif omitted", "contact card omitted");

	private static final List<String> DELETED = List.of("this message was deleted", "you deleted this message",
			"this message was deleted.");

	/**
	 * What to read.
	 *
	 * @param export the .txt export
	 * @param group the chat group's name
	 * @param aliases alias file (CSV {@code alias,personId}), or null
	 * @param zone the zone the export's local times are in
	 * @param dayFirst dd/mm (true) or mm/dd (false) dates; null to tell from the export
	 * (a first field above 12 means dd/mm, a second above 12 mm/dd, neither dd/mm)
	 * @param batchSize messages per transaction
	 */
	public record Settings(Path export, String group, Path aliases, ZoneId zone, Boolean dayFirst, int batchSize) {
	}

	private final Settings settings;

	private final Map<String, String> aliases;

	private final List<Entry> entries = new ArrayList<>();

	private final Map<String, Membership> members = new LinkedHashMap<>();

	private boolean dayFirst;

	private WhatsAppReader(Settings settings, Map<String, String> aliases) {
		this.settings = settings;
		this.aliases = aliases;
	}

	public static ImportPlan read(Settings settings) {
		Map<String, AliasFile.Alias> aliases = (settings.aliases() != null)
				? AliasFile.readWithLines(settings.aliases()) : Map.of();
		Map<String, String> personIds = new LinkedHashMap<>();
		aliases.forEach((alias, line) -> personIds.put(alias, line.personId()));
		WhatsAppReader format = new WhatsAppReader(settings, personIds);
		format.parse(TextFile.read(settings.export()));
		ImportPlan plan = format.plan();
		Map<String, String> requires = new LinkedHashMap<>();
		aliases.values().forEach(line -> requires.putIfAbsent(line.personId(), line.where()));
		return new ImportPlan(plan.name(), plan.fingerprint(), plan.batches(), plan.rejected(), plan.notes(), requires);
	}

	private void parse(TextFile file) {
		dayFirst = (settings.dayFirst() != null) ? settings.dayFirst() : dayFirst(file);
		Entry current = null;
		for (int i = 0; i < file.lines().size(); i++) {
			String line = file.lines().get(i);
			Entry started = start(file.path(), i + 1, line);
			if (started != null) {
				current = started;
				entries.add(current);
				continue;
			}
			if (current == null) {
				throw new InputException(file.path(), i + 1, null,
						"does not start like a WhatsApp message ([date, time] Name: text or date, time - Name: text)");
			}
			current.continueWith(line);
		}
		if (entries.isEmpty()) {
			throw new InputException(file.path(), "holds no messages");
		}
	}

	/**
	 * Whether the export's dates are dd/mm: a first field above 12 says so, a second
	 * above 12 says mm/dd; when no day is above 12, dd/mm.
	 */
	private static boolean dayFirst(TextFile file) {
		for (String line : file.lines()) {
			Matcher matcher = startOf(line);
			if (matcher == null) {
				continue;
			}
			if (Integer.parseInt(matcher.group(1)) > 12) {
				return true;
			}
			if (Integer.parseInt(matcher.group(2)) > 12) {
				return false;
			}
		}
		return true;
	}

	private static Matcher startOf(String text) {
		Matcher matcher = ANDROID.matcher(text);
		if (!matcher.matches()) {
			matcher = IOS.matcher(text);
		}
		return matcher.matches() ? matcher : null;
	}

	private Entry start(Path file, long line, String text) {
		Matcher matcher = startOf(text);
		if (matcher == null) {
			return null;
		}
		LocalDateTime time = LocalDateTime.of(date(file, line, matcher), time(file, line, matcher));
		return new Entry(line, time, matcher.group(8));
	}

	private LocalDate date(Path file, long line, Matcher m) {
		int first = Integer.parseInt(m.group(1));
		int second = Integer.parseInt(m.group(2));
		int year = Integer.parseInt(m.group(3));
		year = (year < 100) ? 2000 + year : year;
		try {
			return dayFirst ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
		}
		catch (java.time.DateTimeException ex) {
			throw new InputException(file, line, "date", "'%s/%s/%s' is not a date (%s)".formatted(m.group(1),
					m.group(2), m.group(3), dayFirst ? "day/month/year" : "month/day/year"));
		}
	}

	private static LocalTime time(Path file, long line, Matcher m) {
		int hour = Integer.parseInt(m.group(4));
		int minute = Integer.parseInt(m.group(5));
		int second = (m.group(6) != null) ? Integer.parseInt(m.group(6)) : 0;
		String half = (m.group(7) != null) ? m.group(7).replace(".", "").toLowerCase(Locale.ROOT) : null;
		if (half != null) {
			if (hour < 1 || hour > 12) {
				throw new InputException(file, line, "time", "hour " + hour + " with " + half);
			}
			hour = (hour % 12) + ("pm".equals(half) ? 12 : 0);
		}
		try {
			return LocalTime.of(hour, minute, second);
		}
		catch (java.time.DateTimeException ex) {
			throw new InputException(file, line, "time", "'%d:%02d' is not a time".formatted(hour, minute));
		}
	}

	private ImportPlan plan() {
		List<Said> lines = entries.stream().map(Said::of).toList();
		Set<String> groupNames = systemOnlySenders(lines);
		List<Message> messages = new ArrayList<>();
		int occurrence = 0;
		for (Said said : lines) {
			if (said.sender() == null || isSystem(said, groupNames)) {
				system(said.entry(), clean(said.text()));
				continue;
			}
			seen(said.sender(), said.entry().time().toLocalDate());
			messages.add(new Message(said.entry().time(), said.sender(), said.text(), ++occurrence));
		}
		List<GraphBatch> batches = new ArrayList<>();
		batches.add(groupAndPeople());
		for (int start = 0; start < messages.size(); start += settings.batchSize()) {
			batches.add(messages(messages.subList(start, Math.min(messages.size(), start + settings.batchSize()))));
		}
		return new ImportPlan("whatsapp " + settings.group(),
				ImportPlan.fingerprint("whatsapp|" + settings.group() + "|" + settings.zone() + "|" + aliases,
						List.of(settings.export())),
				List.copyOf(batches), WriteCounts.NONE, notes(messages));
	}

	/**
	 * iOS writes system lines as if the group had sent them, under the group's name as
	 * the phone knew it (which need not be the name given here), most with a direction
	 * mark before the text. A line is a system line when its text says what system lines
	 * say and it carries the mark, or comes from the group's name or from a name that
	 * never says anything else.
	 */
	private boolean isSystem(Said said, Set<String> groupNames) {
		return said.systemText() && (said.text().startsWith("\u200e") || said.sender().equals(settings.group())
				|| groupNames.contains(said.sender()));
	}

	/** The senders every one of whose lines reads as a system line. */
	private static Set<String> systemOnlySenders(List<Said> lines) {
		Map<String, Boolean> onlySystem = new LinkedHashMap<>();
		lines.stream()
			.filter(said -> said.sender() != null)
			.forEach(said -> onlySystem.merge(said.sender(), said.systemText(), Boolean::logicalAnd));
		Set<String> names = new LinkedHashSet<>();
		onlySystem.forEach((name, only) -> {
			if (only) {
				names.add(name);
			}
		});
		return names;
	}

	private static boolean isSystemText(String text) {
		return Stream.of(JOINED, LEFT, ADDED, REMOVED, CREATED, NOTICE)
			.anyMatch(pattern -> pattern.matcher(text).matches());
	}

	private void system(Entry entry, String text) {
		LocalDate day = entry.time().toLocalDate();
		Matcher m;
		if ((m = JOINED.matcher(text)).matches()) {
			seen(m.group(1), day);
		}
		else if ((m = CREATED.matcher(text)).matches()) {
			if (!m.group(1).equals("You")) {
				seen(m.group(1), day);
			}
		}
		else if ((m = LEFT.matcher(text)).matches()) {
			left(m.group(1), day);
		}
		else if ((m = ADDED.matcher(text)).matches()) {
			for (String added : m.group(2).split(", | and ")) {
				seen(added, day);
			}
		}
		else if ((m = REMOVED.matcher(text)).matches()) {
			left(m.group(2), day);
		}
	}

	private void seen(String who, LocalDate day) {
		members.computeIfAbsent(who.strip(), name -> new Membership(day)).seen(day);
	}

	private void left(String who, LocalDate day) {
		members.computeIfAbsent(who.strip(), name -> new Membership(day)).left(day);
	}

	private List<String> notes(List<Message> messages) {
		List<String> unresolved = members.keySet().stream().filter(name -> !aliases.containsKey(name)).toList();
		List<String> notes = new ArrayList<>();
		notes.add("%d messages from %d participants in '%s' (%d system lines)".formatted(messages.size(),
				members.size(), settings.group(), entries.size() - messages.size()));
		if (!unresolved.isEmpty()) {
			notes.add("unresolved participants, kept as accounts (add them to the alias file): "
					+ String.join(", ", unresolved));
		}
		return notes;
	}

	private GraphBatch groupAndPeople() {
		GraphBatch batch = new GraphBatch();
		batch.node(groupId(), List.of("ChatGroup"),
				Map.of("name", settings.group(), "platform", "WhatsApp", "synthetic", false));
		members.forEach((name, membership) -> {
			Map<String, Object> dates = new LinkedHashMap<>();
			dates.put("from", membership.from());
			dates.put("to", membership.to());
			String person = aliases.get(name);
			if (person == null) {
				batch.node(accountId(name), List.of("Account"),
						Map.of("kind", "WHATSAPP", "handle", name, "resolved", false, "synthetic", false));
				batch.relationship(accountId(name), "IN_GROUP", groupId(), dates);
				return;
			}
			batch.node(accountId(name), List.of("Account"),
					Map.of("kind", "WHATSAPP", "handle", name, "resolved", true, "synthetic", false));
			batch.relationship(person, "USES", accountId(name));
			batch.relationship(person, "IN_GROUP", groupId(), dates);
		});
		return batch;
	}

	private GraphBatch messages(List<Message> slice) {
		GraphBatch batch = new GraphBatch();
		for (Message message : slice) {
			String id = messageId(message);
			String lower = clean(message.body()).toLowerCase(Locale.ROOT);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("sentAt", message.time().atZone(settings.zone()).toOffsetDateTime());
			properties.put("body", message.body());
			properties.put("channel", "GROUP");
			properties.put("media", MEDIA.contains(lower));
			properties.put("deleted", DELETED.contains(lower));
			properties.put("flagged", false);
			properties.put("synthetic", false);
			batch.node(id, List.of("Message"), properties);
			String person = aliases.get(message.sender());
			batch.relationship((person != null) ? person : accountId(message.sender()), "SENT", id);
			batch.relationship(id, "POSTED_IN", groupId());
		}
		return batch;
	}

	private String messageId(Message message) {
		String key = message.time() + "|" + message.sender() + "|" + message.body() + "|" + message.occurrence();
		return "message:" + slug() + ":" + HexFormat.of().formatHex(DigestUtils.sha256(key), 0, 10);
	}

	private String groupId() {
		return "group:" + slug();
	}

	private String accountId(String name) {
		return "account:whatsapp:" + slug() + ":" + name.strip().replaceAll("\\s+", "-");
	}

	private String slug() {
		return settings.group().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	private static String clean(String text) {
		return text.replaceAll("^[\\u200e\\u200f\\u202a-\\u202e]+", "").strip();
	}

	private static final class Entry {

		private final long line;

		private final LocalDateTime time;

		private final StringBuilder text;

		Entry(long line, LocalDateTime time, String text) {
			this.line = line;
			this.time = time;
			this.text = new StringBuilder(text);
		}

		void continueWith(String more) {
			text.append('\n').append(more);
		}

		LocalDateTime time() {
			return time;
		}

		String text() {
			return text.toString();
		}

	}

	private record Message(LocalDateTime time, String sender, String body, int occurrence) {
	}

	/**
	 * An entry read once: who said it ({@code Name: } before the text; null for a line
	 * without one), what, and whether the text reads as a system line.
	 */
	private record Said(Entry entry, String sender, String text, boolean systemText) {

		static Said of(Entry entry) {
			Matcher sender = SENDER.matcher(entry.text());
			String text = sender.matches() ? sender.group(2) : entry.text();
			return new Said(entry, sender.matches() ? sender.group(1).strip() : null, text, isSystemText(clean(text)));
		}

	}

	/**
	 * When a participant was in the group: first seen or added, until they left or were
	 * removed.
	 */
	private static final class Membership {

		private LocalDate from;

		private LocalDate to;

		Membership(LocalDate day) {
			this.from = day;
		}

		void seen(LocalDate day) {
			from = day.isBefore(from) ? day : from;
			if (to != null && day.isAfter(to)) {
				to = null;
			}
		}

		void left(LocalDate day) {
			to = day;
		}

		LocalDate from() {
			return from;
		}

		LocalDate to() {
			return to;
		}

	}

}
