package org.casegraph.ingest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casegraph.ingest.read.PlanContents.messages;
import static org.casegraph.ingest.read.PlanContents.nodes;
import static org.casegraph.ingest.read.PlanContents.properties;
import static org.casegraph.ingest.read.PlanContents.relationships;

/** Reading WhatsApp chat exports, without a database. */
class WhatsAppReaderTests {

	private static final Path DIR = Path.of("src/test/resources/whatsapp");

	@TempDir
	Path temp;

	@Test
	void anAndroidExportGivesSendersTimesBodiesAndMarks() {
		ImportPlan plan = read(DIR.resolve("android-24h.txt"), DIR.resolve("aliases.csv"));
		List<Map<String, Object>> messages = messages(plan);

		assertThat(messages).extracting(message -> message.get("sender"))
			.containsExactly("person:wa:alice", "person:wa:bob", "account:whatsapp:night-turn:+44-7700-900123",
					"person:wa:bob", "person:wa:alice", "person:wa:carol");
		assertThat(messages).extracting(message -> message.get("group")).containsOnly("group:night-turn");
		assertThat(properties(messages.getFirst()).get("sentAt")).hasToString("2016-02-01T21:05Z");
		assertThat(properties(messages.get(1))).containsEntry("body",
				"On my way\nrunning late though\nand no van keys");
		assertThat(properties(messages.get(3))).containsEntry("media", true).containsEntry("deleted", false);
		assertThat(properties(messages.get(4))).containsEntry("deleted", true).containsEntry("media", false);
		assertThat(plan.notes())
			.anyMatch(note -> note.contains("unresolved participants") && note.contains("+44 7700 900123"));
	}

	@Test
	void anIosExportWithTwelveHourTimes() {
		List<Map<String, Object>> messages = messages(read(DIR.resolve("ios-12h.txt"), DIR.resolve("aliases.csv")));

		assertThat(messages).extracting(message -> properties(message).get("sentAt").toString())
			.containsExactly("2016-02-01T21:05:12Z", "2016-02-01T21:06Z", "2016-02-02T01:16Z", "2016-02-02T12:30Z",
					"2016-02-03T00:15Z");
		assertThat(properties(messages.get(1))).containsEntry("body", "On my way\nsecond line");
	}

	@Test
	void iosSystemLinesAreNotMessagesButDateTheMemberships() {
		// The phone called the group "Night shift 🚓"; it is imported as "Night shift".
		// One
		// system line lacks the direction mark.
		ImportPlan plan = read(DIR.resolve("ios-system-lines.txt"), null);
		List<Map<String, Object>> messages = messages(plan);

		assertThat(messages).extracting(message -> message.get("sender"))
			.containsExactly("account:whatsapp:night-shift:Alice", "account:whatsapp:night-shift:Bob",
					"account:whatsapp:night-shift:Carol", "account:whatsapp:night-shift:Alice");
		assertThat(properties(messages.get(1))).containsEntry("media", true);
		assertThat(properties(messages.get(3))).containsEntry("deleted", true);
		assertThat(nodes(plan)).extracting(node -> node.get("id"))
			.noneMatch(id -> id.toString().contains("Night-shift"));
		Map<Object, Map<String, Object>> memberships = relationships(plan).stream()
			.filter(relationship -> "IN_GROUP".equals(relationship.get("type")))
			.collect(Collectors.toMap(relationship -> relationship.get("from"), PlanContents::properties));
		assertThat(memberships).containsOnlyKeys("account:whatsapp:night-shift:Alice",
				"account:whatsapp:night-shift:Bob", "account:whatsapp:night-shift:Carol");
		assertThat(memberships.get("account:whatsapp:night-shift:Alice"))
			.containsEntry("from", LocalDate.of(2016, 2, 1))
			.doesNotContainKey("to");
		assertThat(memberships.get("account:whatsapp:night-shift:Bob")).containsEntry("from", LocalDate.of(2016, 2, 1))
			.containsEntry("to", LocalDate.of(2016, 2, 15));
		assertThat(memberships.get("account:whatsapp:night-shift:Carol")).containsEntry("from",
				LocalDate.of(2016, 2, 14));
	}

	@Test
	void monthFirstDatesAreToldFromADayAboveTwelve() throws IOException {
		Path us = Files.writeString(temp.resolve("us.txt"), "02/01/2016, 21:05 - A: x\n02/13/2016, 21:05 - A: y\n");
		assertThat(messages(read(us, null))).extracting(message -> properties(message).get("sentAt").toString())
			.containsExactly("2016-02-01T21:05Z", "2016-02-13T21:05Z");
		Path uk = Files.writeString(temp.resolve("uk.txt"), "02/01/2016, 21:05 - A: x\n13/02/2016, 21:05 - A: y\n");
		assertThat(messages(read(uk, null))).extracting(message -> properties(message).get("sentAt").toString())
			.containsExactly("2016-01-02T21:05Z", "2016-02-13T21:05Z");
		// --month-first still forces it.
		assertThatThrownBy(() -> WhatsAppReader
			.read(new WhatsAppReader.Settings(uk, "Night turn", null, ZoneId.of("Europe/London"), false, 3)))
			.isInstanceOf(InputException.class)
			.hasMessageContaining("uk.txt:2: date: '13/02/2016' is not a date (month/day/year)");
	}

	@Test
	void whatIsNotAnExportIsRefusedWithTheLine() throws IOException {
		Path notAnExport = Files.writeString(temp.resolve("notes.txt"), "shopping list\n01/02/2016, 21:05 - A: x\n");
		assertThatThrownBy(() -> read(notAnExport, null)).isInstanceOf(InputException.class)
			.hasMessageContaining("notes.txt:1: does not start like a WhatsApp message");
		Path badDate = Files.writeString(temp.resolve("bad-date.txt"), "31/02/2016, 21:05 - A: x\n");
		assertThatThrownBy(() -> read(badDate, null)).isInstanceOf(InputException.class)
			.hasMessageContaining("bad-date.txt:1: date: '31/02/2016' is not a date");
	}

	private static ImportPlan read(Path export, Path aliases) {
		String group = export.getFileName().toString().startsWith("ios") ? "Night shift" : "Night turn";
		return WhatsAppReader
			.read(new WhatsAppReader.Settings(export, group, aliases, ZoneId.of("Europe/London"), null, 3));
	}

}
