package org.casegraph.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.casegraph.StoreAtRest;
import org.casegraph.cli.CommandLineInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import csv} into a new data directory, loaded by Neo4j's batch importer: values
 * arrive as the transactional path writes them, and input a new store cannot take is
 * refused before anything is written.
 */
class OfflineLoadIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void quotedMultiLineValuesTypesAndTheAggregateArriveIntact() throws IOException {
		Path bundle = bundle("people.csv",
				"\uFEFFid,name,role,officer\r\n"
						+ "person:q,\"Smith, Jo \"\"JJ\"\"\",\"line one\r\nline two\",true\r\nperson:r,Rae,,false\r\n",
				"memberships.csv", "person,unit,from\nperson:q,unit:a,2016-02-01\n", "units.csv", "id,name\nunit:a,A\n",
				"messages.csv",
				"id,sender,sentAt,channel,body\nm:1,person:q,2016-02-01T21:05:00+01:00,DIRECT,\"see you\r\nat 9\"\n"
						+ "m:2,person:r,2016-02-02T08:00:00Z,DIRECT,ok\n",
				"message_recipients.csv", "message,recipient\nm:1,person:r\nm:2,person:q\n");
		Path data = temp.resolve("data");

		assertThat(importCsv(bundle, data, new StringWriter())).isZero();

		Map<String, Object> row = query(data,
				"""
						MATCH (q:Person:Officer {id: 'person:q'})-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(:Unit {id: 'unit:a'})
						MATCH (q)-[c:CONTACTED]->(:Person {id: 'person:r'})
						MATCH (q)-[:SENT]->(msg:Message:Entity)-[:TO]->(:Person {id: 'person:r'})
						MATCH (a:ActivityMonth {sender: 'person:q'})
						MATCH (:Message {id: 'm:2'})-[:TO]->(q)
						RETURN a.month AS activityMonth, a.hours AS hours, a.counts AS hourCounts, q.name AS name, q.role AS role, m.from AS from, msg.sentAt AS sentAt, c.count AS count,
						       c.months AS months, c.directCount AS direct, NOT msg:PendingContacts AS counted, msg.body AS body
						""");
		assertThat(row).containsEntry("name", "Smith, Jo \"JJ\"")
			.containsEntry("role", "line one\nline two")
			.containsEntry("body", "see you\nat 9")
			.containsEntry("from", java.time.LocalDate.parse("2016-02-01"))
			.containsEntry("count", 1L)
			.containsEntry("direct", 1L)
			.containsEntry("counted", true);
		assertThat(row.get("sentAt")).hasToString("2016-02-01T21:05+01:00");
		assertThat((long[]) row.get("months")).containsExactly(201602L);
		assertThat(row).containsEntry("activityMonth", 201602L);
		assertThat((long[]) row.get("hours"))
			.containsExactly(java.time.Instant.parse("2016-02-01T20:00:00Z").getEpochSecond() / 3600);
		assertThat((long[]) row.get("hourCounts")).containsExactly(1L);
	}

	@Test
	void aReferenceANewStoreCannotHoldIsRefusedBeforeAnythingIsWritten() throws IOException {
		Path bundle = bundle("memberships.csv", "person,unit,from\nperson:x,unit:nowhere,2016-02-01\n", "people.csv",
				"id,name\nperson:x,X\n");
		Path data = temp.resolve("refused");
		StringWriter err = new StringWriter();

		assertThat(importCsv(bundle, data, err)).isEqualTo(2);

		assertThat(err.toString())
			.contains("memberships.csv:2: unit: 'unit:nowhere' is neither in the input nor in the graph")
			.contains("(nothing was written)");
		assertThat(data.resolve("offline-import.incomplete")).doesNotExist();
		assertThat(data.resolve("data").resolve("databases").resolve("neo4j")).doesNotExist();
	}

	private int importCsv(Path bundle, Path data, StringWriter err) {
		return CommandLineInterface.commandLine()
			.setErr(new PrintWriter(err, true))
			.execute("import", "csv", bundle.toString(), "--data-dir", data.toString());
	}

	private static Map<String, Object> query(Path data, String cypher) {
		return StoreAtRest.open(data,
				database -> database.executeTransactionally(cypher, Map.of(), result -> result.next()));
	}

	private Path bundle(String... namesAndContents) throws IOException {
		Path dir = Files.createTempDirectory(temp, "bundle");
		for (int i = 0; i < namesAndContents.length; i += 2) {
			Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]);
		}
		return dir;
	}

}
