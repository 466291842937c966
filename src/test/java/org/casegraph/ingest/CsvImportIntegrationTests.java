package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.casegraph.cli.CommandLineInterface;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CSV bundles: a generated one imports with every row accounted for, and malformed ones
 * are refused whole.
 */
class CsvImportIntegrationTests extends ImportIntegrationTests {

	@Autowired
	Neo4jConnectionDetails database;

	@Test
	void aGeneratedBundleImportsWholeAndAgainChangesNothing() {
		// Every tier-S bundle has the same officer ids, and other tests import some.
		emptyGraph();
		Path bundle = temp.resolve("tier-s");
		Map<String, Long> files = BundleGenerator.generate(BundleGenerator.Tier.of("S"), 42, bundle);
		Importer.Result result = importer.run(read(bundle), quiet());

		assertThat(created(result, "Person")).isEqualTo(files.get("people.csv"));
		assertThat(created(result, "Message")).isEqualTo(files.get("messages.csv"));
		assertThat(created(result, "TO")).isEqualTo(files.get("message_recipients.csv"));
		assertThat(created(result, "Membership")).isEqualTo(files.get("memberships.csv"));
		assertThat(created(result, "IN_GROUP")).isEqualTo(files.get("group_members.csv"));
		assertThat(created(result, "Allegation")).isEqualTo(files.get("allegations.csv")).isPositive();
		assertThat(created(result, "IN_REPLY_TO")).as("reply links").isPositive();
		assertThat(result.contactsCounted()).isGreaterThanOrEqualTo(files.get("messages.csv"));
		assertTheAggregateMatchesTheMessages();
		assertThat(driver.executableQuery("""
				MATCH (n:UnitContacts), (:Entity {id: n.sender})-[c:CONTACTED]->(:Entity {id: n.recipient})
				WHERE n.count < c.count
				RETURN count(*) AS n
				""").execute().records().getFirst().get("n").asLong()).as("pairs within a unit a membership cuts")
			.isPositive();

		assertThat(BundleGenerator.generate(BundleGenerator.Tier.of("S"), 42, temp.resolve("again"))).isEqualTo(files);
		Importer.Result again = importer.run(read(temp.resolve("again")), quiet());
		assertThat(again.counts().created()).isZero();
		assertThat(again.counts().updated()).isZero();
	}

	@Test
	void inReplyToLinksARepliesToAnEarlierLineAcrossBatchesAndALaterLineIsRefusedWithItsLine() throws IOException {
		String people = "id,name\np:r1,One\np:r2,Two\n";
		Path replies = bundle("people.csv", people, "messages.csv", """
				id,sender,sentAt,channel,body,inReplyTo
				m:r1,p:r1,2016-02-01T21:05:00Z,DIRECT,first,
				m:r2,p:r2,2016-02-01T21:06:00Z,DIRECT,second,m:r1
				m:r3,p:r1,2016-02-01T21:07:00Z,DIRECT,third,m:r2
				""", "message_recipients.csv", "message,recipient\nm:r1,p:r2\nm:r2,p:r1\nm:r3,p:r2\n");
		importer.run(CsvBundleReader.read(new CsvBundleReader.Settings(replies, false, 1)), quiet());
		assertThat(driver.executableQuery("""
				MATCH (m:Message)-[:IN_REPLY_TO]->(o:Message) WHERE m.id STARTS WITH 'm:r'
				RETURN m.id + '>' + o.id AS link ORDER BY link
				""").execute().records().stream().map(r -> r.get("link").asString()).toList())
			.containsExactly("m:r2>m:r1", "m:r3>m:r2");

		long before = nodes();
		Path forward = bundle("people.csv", people, "messages.csv", """
				id,sender,sentAt,channel,body,inReplyTo
				m:f1,p:r1,2016-02-01T21:05:00Z,DIRECT,first,m:f2
				m:f2,p:r2,2016-02-01T21:06:00Z,DIRECT,second,
				""");
		assertThatThrownBy(() -> importer.run(read(forward), quiet())).isInstanceOf(InputException.class)
			.hasMessageEndingWith(
					"messages.csv:2: inReplyTo: 'm:f2' is on a later line (3); a reply must come after the message it replies to");
		assertThat(nodes()).isEqualTo(before);
	}

	@Test
	void aReferenceToNothingIsRefusedAndNothingIsWritten() throws IOException {
		long before = nodes();
		Path unknown = bundle("people.csv", "id,name\np:1,One\n", "memberships.csv",
				"person,unit,from\np:1,unit:nowhere,2016-02-01\n");
		assertThatThrownBy(() -> importer.run(read(unknown), quiet())).isInstanceOf(InputException.class)
			.hasMessageContaining("memberships.csv:2: unit: 'unit:nowhere' is neither in the input nor in the graph");
		assertThat(nodes()).isEqualTo(before);
	}

	@Test
	void aLaterImportThatChangesAGroupsMembersRecountsWhomEarlierMessagesReached() throws IOException {
		importer.run(read(bundle("people.csv", "id,name\nrc:a,A\nrc:b,B\nrc:c,C\n", "chat_groups.csv",
				"id,name,platform\nrc:g,G,WhatsApp\n", "group_members.csv",
				"group,person,from\nrc:g,rc:a,2016-01-01\nrc:g,rc:b,2016-01-01\n", "messages.csv",
				"id,sender,sentAt,channel,group\nrc:m1,rc:a,2016-02-01T20:00:00Z,GROUP,rc:g\n")), quiet());
		assertThat(contact("rc:a", "rc:b")).isEqualTo(1);
		assertThat(contact("rc:a", "rc:c")).isZero();

		Importer.Result later = importer
			.run(read(bundle("group_members.csv", "group,person,from\nrc:g,rc:c,2016-01-15\n")), quiet());

		assertThat(later.recounted()).isTrue();
		assertThat(contact("rc:a", "rc:c")).isEqualTo(1);
		assertThat(contact("rc:a", "rc:b")).isEqualTo(1);
		assertTheAggregateMatchesTheMessages();
	}

	@Test
	void aLaterImportOfAUnitMembershipRecountsTheUnitsPairs() throws IOException {
		importer.run(read(bundle("people.csv", "id,name\nru:a,A\nru:b,B\n", "units.csv", "id,name\nru:u,U\n",
				"memberships.csv", "person,unit,from,to\nru:a,ru:u,2016-01-01,\n", "messages.csv",
				"id,sender,sentAt,channel\nru:m1,ru:a,2016-02-01T20:00:00Z,DIRECT\n"
						+ "ru:m2,ru:a,2016-03-01T20:00:00Z,DIRECT\n",
				"message_recipients.csv", "message,recipient\nru:m1,ru:b\nru:m2,ru:b\n")), quiet());
		assertThat(withinUnit("ru:u", "ru:a", "ru:b")).as("b is no member yet").isZero();

		Importer.Result later = importer
			.run(read(bundle("memberships.csv", "person,unit,from,to\nru:b,ru:u,2016-02-15,\n")), quiet());

		assertThat(later.recounted()).isTrue();
		assertThat(withinUnit("ru:u", "ru:a", "ru:b")).as("only the message after b joined").isEqualTo(1);
		assertThat(contact("ru:a", "ru:b")).isEqualTo(2);
		assertTheAggregateMatchesTheMessages();
	}

	private long withinUnit(String unit, String from, String to) {
		return driver.executableQuery("""
				OPTIONAL MATCH (n:UnitContacts {unit: $unit, sender: $from, recipient: $to})
				RETURN coalesce(n.count, 0) AS n
				""")
			.withParameters(Map.of("unit", unit, "from", from, "to", to))
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

	/**
	 * In external mode the importer writes through the driver, not in-process: the same
	 * bundle, through this test's database's Bolt port, gives the same graph and an exact
	 * aggregate.
	 */
	@Test
	void anExternalDatabaseIsWrittenThroughTheDriver() throws IOException {
		Path bundle = bundle("people.csv", "id,name\nperson:ext-a,A\nperson:ext-b,B\n", "messages.csv",
				"id,sender,sentAt,channel\nm:ext-1,person:ext-a,2016-03-01T10:00:00Z,DIRECT\n"
						+ "m:ext-2,person:ext-a,2016-04-01T10:00:00Z,DIRECT\n",
				"message_recipients.csv", "message,recipient\nm:ext-1,person:ext-b\nm:ext-2,person:ext-b\n");
		String[] args = { "import", "csv", bundle.toString(), "--mode", "external", "--uri",
				database.getUri().toString(), "--password", "casegraph-local" };

		assertThat(CommandLineInterface.run(args)).isZero();
		assertThat(CommandLineInterface.run(args)).isZero();

		assertThat(contact("person:ext-a", "person:ext-b")).isEqualTo(2);
		assertThat(driver.executableQuery("MATCH (m:Message) WHERE m.id STARTS WITH 'm:ext-' RETURN count(m) AS n")
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong()).isEqualTo(2);
		assertTheAggregateMatchesTheMessages();
	}

	private long contact(String from, String to) {
		return driver.executableQuery("""
				OPTIONAL MATCH (:Person {id: $from})-[c:CONTACTED]->(:Person {id: $to})
				RETURN coalesce(c.count, 0) AS n
				""").withParameters(Map.of("from", from, "to", to)).execute().records().getFirst().get("n").asLong();
	}

	private Path bundle(String... namesAndContents) throws IOException {
		Path dir = Files.createTempDirectory(temp, "bundle");
		for (int i = 0; i < namesAndContents.length; i += 2) {
			Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]);
		}
		return dir;
	}

	private static ImportPlan read(Path bundle) {
		return CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000));
	}

	private static long created(Importer.Result result, String kind) {
		return result.counts().byKind().get(kind).created();
	}

	private long nodes() {
		return driver.executableQuery("MATCH (n) RETURN count(n) AS n")
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

}
