package org.casegraph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.casegraph.ingest.read.WhatsAppReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WhatsApp exports of both shapes, written for these tests: senders, times, multi-line
 * bodies, system lines, media and deleted messages, aliases and unresolved participants,
 * and the contacts they make.
 */
class WhatsAppImportIntegrationTests extends ImportIntegrationTests {

	@Autowired
	ExecutionGraphQlService graphQl;

	private static final Path DIR = Path.of("src/test/resources/whatsapp");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@BeforeEach
	void people() {
		driver.executableQuery("""
				UNWIND ['alice', 'bob', 'carol'] AS name
				MERGE (p:Entity {id: 'person:wa:' + name})
				SET p:Person, p.name = name, p.synthetic = false
				""").execute();
	}

	@Test
	void importsAnAndroidExportWithItsSendersTimesAndMembership() {
		Importer.Result result = importer.run(read("android-24h.txt", "Night turn", "aliases.csv"), quiet());
		assertThat(result.counts().byKind()).containsEntry("Message", new WriteCounts.Count(6, 0, 0, 0));

		List<Map<String, Object>> messages = messages("group:night-turn");
		assertThat(messages).extracting(m -> m.get("sender"))
			.containsExactly("person:wa:alice", "person:wa:bob", "account:whatsapp:night-turn:+44-7700-900123",
					"person:wa:bob", "person:wa:alice", "person:wa:carol");
		assertThat(messages.get(0).get("sentAt")).hasToString("2016-02-01T21:05Z");
		assertThat(messages.get(1).get("body")).isEqualTo("On my way\nrunning late though\nand no van keys");
		assertThat(messages.get(3)).containsEntry("media", true).containsEntry("deleted", false);
		assertThat(messages.get(4)).containsEntry("deleted", true).containsEntry("media", false);

		assertThat(membership("person:wa:bob", "group:night-turn")).containsEntry("from", "2016-02-01")
			.containsEntry("to", "2016-02-04");
		assertThat(membership("person:wa:carol", "group:night-turn")).containsEntry("from", "2016-02-03")
			.containsEntry("to", null);
		assertThat(contact("person:wa:alice", "person:wa:bob")).isEqualTo(2);
		assertThat(contact("person:wa:bob", "person:wa:alice")).isEqualTo(2);
		assertThat(contact("person:wa:carol", "person:wa:bob")).isEqualTo(1);
		assertThat(contact("person:wa:alice", "person:wa:carol")).isZero();
		assertThat(read("android-24h.txt", "Night turn", "aliases.csv").notes())
			.anyMatch(note -> note.contains("unresolved participants") && note.contains("+44 7700 900123"));
		assertTheAggregateMatchesTheMessages();
		assertThat(importer.run(read("android-24h.txt", "Night turn", "aliases.csv"), quiet()).counts().created())
			.isZero();
	}

	@Test
	void importsOnlyThePeoplesMessagesOfAnIosExportAndDatesMembershipsFromItsSystemLines() {
		// The phone called the group "Night shift 🚓", imported as "Night shift iOS"; one
		// system line lacks the direction mark. Other tests' groups hold the same people.
		long aliceToBob = contact("person:wa:alice", "person:wa:bob");
		long bobToCarol = contact("person:wa:bob", "person:wa:carol");
		long carolToBob = contact("person:wa:carol", "person:wa:bob");
		importer.run(read("ios-system-lines.txt", "Night shift iOS", "aliases.csv"), quiet());

		assertThat(messages("group:night-shift-ios")).extracting(m -> m.get("sender"))
			.containsExactly("person:wa:alice", "person:wa:bob", "person:wa:carol", "person:wa:alice");
		assertThat(membership("person:wa:alice", "group:night-shift-ios")).containsEntry("from", "2016-02-01")
			.containsEntry("to", null);
		assertThat(membership("person:wa:bob", "group:night-shift-ios")).containsEntry("from", "2016-02-01")
			.containsEntry("to", "2016-02-15");
		assertThat(membership("person:wa:carol", "group:night-shift-ios")).containsEntry("from", "2016-02-14")
			.containsEntry("to", null);
		// Bob had left by Alice's last message; Carol joined after Bob's.
		assertThat(contact("person:wa:alice", "person:wa:bob")).isEqualTo(aliceToBob + 1);
		assertThat(contact("person:wa:bob", "person:wa:carol")).isEqualTo(bobToCarol);
		assertThat(contact("person:wa:carol", "person:wa:bob")).isEqualTo(carolToBob + 1);
		assertThat(
				driver.executableQuery("MATCH (a:Account) WHERE a.handle CONTAINS 'Night shift' RETURN count(a) AS n")
					.execute()
					.records()
					.getFirst()
					.get("n")
					.asLong())
			.isZero();
		assertTheAggregateMatchesTheMessages();
	}

	@Test
	void everyMessageAccountAndMembershipImportedFromAFileNamesThatFilesSha256() throws Exception {
		Path export = DIR.resolve("android-24h.txt");
		Exhibit exhibit = Exhibit.of(export, "tester");
		importer.run(read("android-24h.txt", "Night turn exhibit", "aliases.csv").stamped(exhibit), exhibit, quiet());

		String sha256 = DigestUtils.sha256Hex(Files.readAllBytes(export));
		List<String> ids = messages("group:night-turn-exhibit").stream().map(m -> (String) m.get("id")).toList();
		List<Map<String, Object>> answered = ExecutionGraphQlServiceTester.create(graphQl)
			.document("query($ids: [ID!]) { messages(first: 100, where: {id: {in: $ids}}) { nodes { id "
					+ "exhibit { id name sha256 importedBy importedAt } } } }")
			.variable("ids", ids)
			.execute()
			.path("messages.nodes")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(answered).hasSize(6)
			.allSatisfy(message -> assertThat((Map<String, Object>) message.get("exhibit"))
				.containsEntry("id", "exhibit:" + sha256.substring(0, 16))
				.containsEntry("name", "android-24h.txt")
				.containsEntry("sha256", sha256)
				.containsEntry("importedBy", "tester"));
		Map<String, Object> stamped = driver
			.executableQuery(
					"""
							MATCH (:ChatGroup {id: 'group:night-turn-exhibit'})<-[r:IN_GROUP]-()
							RETURN count(r) AS memberships, count(r.exhibit = $exhibit OR null) AS stamped,
							       COUNT { MATCH (a:Account) WHERE a.id STARTS WITH 'account:whatsapp:night-turn-exhibit' } AS accounts,
							       COUNT { MATCH (a:Account) WHERE a.id STARTS WITH 'account:whatsapp:night-turn-exhibit'
							               AND a.exhibit = $exhibit } AS stampedAccounts
							""")
			.withParameters(Map.of("exhibit", exhibit.id()))
			.execute()
			.records()
			.getFirst()
			.asMap();
		assertThat((Long) stamped.get("memberships")).isPositive().isEqualTo(stamped.get("stamped"));
		assertThat((Long) stamped.get("accounts")).isPositive().isEqualTo(stamped.get("stampedAccounts"));
	}

	@Test
	void exposureOfAGroupMessageListsItsMembersThatDayAndNoOneWhoJoinedLater() {
		importer.run(read("android-24h.txt", "Exposure turn", "aliases.csv"), quiet());
		String briefing = messages("group:exposure-turn").getFirst().get("id").toString();
		driver.executableQuery("MATCH (m:Message {id: $id}) SET m.flagged = true, m.discriminatory = true")
			.withParameters(Map.of("id", briefing))
			.execute();

		Map<String, Object> exposure = ExecutionGraphQlServiceTester.create(graphQl)
			.document("query($m: ID!) { exposure(message: $m, days: 2) { senderId exposed { id via } "
					+ "onward { messageId from to sentAt } } }")
			.variable("m", briefing)
			.execute()
			.path("exposure")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();

		assertThat(exposure.get("senderId")).isEqualTo("person:wa:alice");
		assertThat(ExecutionGraphQlServiceTester.create(graphQl)
			.document(
					"{ conversation(group: \"group:exposure-turn\") { nodes { sender { id } senderAccount { id } } } }")
			.execute()
			.path("conversation.nodes[2]")
			.entity(Map.class)
			.get()).as("the unknown number's message: no person yet, the account instead")
			.hasToString("{sender=null, senderAccount={id=account:whatsapp:exposure-turn:+44-7700-900123}}");
		assertThat(exposure.get("exposed").toString())
			.as("Bob was added a minute before; the number first wrote the next day; Carol joined two days later")
			.isEqualTo("[{id=person:wa:bob, via=GROUP}]");
		List<Map<String, Object>> onward = (List<Map<String, Object>>) exposure.get("onward");
		List<String> inThisChat = messages("group:exposure-turn").stream().map(m -> m.get("id").toString()).toList();
		assertThat(onward).as("what Bob sent in the two days, here and in the other chats these tests import")
			.allSatisfy(message -> assertThat(message.get("from")).isEqualTo("person:wa:bob"));
		assertThat(onward.stream().filter(message -> inThisChat.contains(message.get("messageId"))).toList())
			.hasToString(
					"[{messageId=%s, from=person:wa:bob, to=[person:wa:alice], sentAt=2016-02-01T21:06:00.000Z}, "
							+ "{messageId=%s, from=person:wa:bob, to=[account:whatsapp:exposure-turn:+44-7700-900123, "
							+ "person:wa:alice], sentAt=2016-02-02T01:16:00.000Z}]",
					inThisChat.get(1), inThisChat.get(3));
	}

	@Test
	void importsAnIosExportWithTwelveHourTimes() {
		importer.run(read("ios-12h.txt", "Night shift", "aliases.csv"), quiet());
		List<Map<String, Object>> messages = messages("group:night-shift");
		assertThat(messages).extracting(m -> m.get("sentAt").toString())
			.containsExactly("2016-02-01T21:05:12Z", "2016-02-01T21:06Z", "2016-02-02T01:16Z", "2016-02-02T12:30Z",
					"2016-02-03T00:15Z");
		assertThat(messages.get(1).get("body")).isEqualTo("On my way\nsecond line");
		assertThat(messages.get(2)).containsEntry("media", true);
		assertThat(messages.get(3)).containsEntry("deleted", true);
	}

	@Test
	void refusesAliasesToUnknownPeopleAndWritesNothing() {
		long before = messages("group:night-turn-2").size();
		assertThatThrownBy(() -> importer.run(read("android-24h.txt", "Night turn 2", "aliases-unknown.csv"), quiet()))
			.isInstanceOf(InputException.class)
			.hasMessageContaining(
					"aliases-unknown.csv:3: personId: 'person:wa:nobody' is neither in the input nor in the graph");
		assertThat(messages("group:night-turn-2")).hasSize((int) before).isEmpty();
	}

	private static ImportPlan read(String export, String group, String aliases) {
		return read(DIR.resolve(export), group, (aliases != null) ? DIR.resolve(aliases) : null);
	}

	private static ImportPlan read(Path export, String group, Path aliases) {
		return WhatsAppReader.read(new WhatsAppReader.Settings(export, group, aliases, LONDON, true, 3));
	}

	private List<Map<String, Object>> messages(String group) {
		return driver.executableQuery("""
				MATCH (s)-[:SENT]->(m:Message)-[:POSTED_IN]->(:ChatGroup {id: $group})
				RETURN m.id AS id, s.id AS sender, m.sentAt AS sentAt, m.body AS body, m.media AS media,
				       m.deleted AS deleted
				ORDER BY m.sentAt
				""")
			.withParameters(Map.of("group", group))
			.execute()
			.records()
			.stream()
			.map(r -> r.asMap(v -> (v.type().name().equals("DATE_TIME")) ? v.asOffsetDateTime() : v.asObject()))
			.toList();
	}

	private Map<String, Object> membership(String person, String group) {
		return driver.executableQuery("""
				MATCH (:Person {id: $person})-[r:IN_GROUP]->(:ChatGroup {id: $group})
				RETURN toString(r.from) AS from, toString(r.to) AS to
				""").withParameters(Map.of("person", person, "group", group)).execute().records().getFirst().asMap();
	}

	private long contact(String from, String to) {
		return driver.executableQuery("""
				OPTIONAL MATCH (:Person {id: $from})-[c:CONTACTED]->(:Person {id: $to})
				RETURN coalesce(c.count, 0) AS n
				""").withParameters(Map.of("from", from, "to", to)).execute().records().getFirst().get("n").asLong();
	}

}
