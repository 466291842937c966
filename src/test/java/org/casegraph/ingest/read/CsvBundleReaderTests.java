package org.casegraph.ingest.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casegraph.ingest.read.PlanContents.messages;
import static org.casegraph.ingest.read.PlanContents.node;
import static org.casegraph.ingest.read.PlanContents.properties;

/** Reading CSV bundles, without a database. */
class CsvBundleReaderTests {

	@TempDir
	Path temp;

	@Test
	void quotedFieldsCrlfAndAByteOrderMarkAreRead() throws IOException {
		Path bundle = bundle("people.csv",
				"\uFEFFid,name,role\r\nperson:csv-q,\"Smith, Jo \"\"JJ\"\"\",\"line one\r\nline two\"\r\n");

		assertThat(properties(node(read(bundle), "person:csv-q"))).containsEntry("name", "Smith, Jo \"JJ\"")
			.containsEntry("role", "line one\nline two");
	}

	@Test
	void valuesAreTypedAndMessagesKeepTheirSenderAndFlags() throws IOException {
		Path bundle = bundle("people.csv", "id,name,officer,status\nofficer:x,X,true,SERVING\n", "messages.csv",
				"id,sender,sentAt,channel,body,discriminatory\nm:1,officer:x,2016-02-01T21:05:00Z,DIRECT,hi,true\n");
		ImportPlan plan = read(bundle);

		assertThat(properties(node(plan, "officer:x"))).containsEntry("status", "SERVING");
		assertThat(messages(plan)).singleElement().satisfies(message -> {
			assertThat(message).containsEntry("sender", "officer:x");
			assertThat(properties(message)).containsEntry("discriminatory", true).containsEntry("flagged", true);
			assertThat(properties(message).get("sentAt")).hasToString("2016-02-01T21:05Z");
		});
	}

	@Test
	void eachMalformedBundleGivesOneClearError() throws IOException {
		assertError(bundle("people.csv", "id,name,officer\nofficer:x,X,maybe\n"),
				"people.csv:2: officer: 'maybe' is not true or false");
		assertError(
				bundle("people.csv", "id,name\np:1,One\n", "memberships.csv",
						"person,unit,from\np:1,unit:nowhere,2016-02-30\n"),
				"memberships.csv:2: from: '2016-02-30' is not a date");
		assertError(bundle("people.csv", "id,officer\np:1,true\n"), "people.csv:1: name: missing column");
		assertError(bundle("people.csv", "id,name,colour\np:1,One,red\n"), "people.csv:1: colour: unknown column");
		assertError(bundle("people.csv", "id,name\np:1,\"One\n"), "people.csv:2: broken CSV quoting");
		assertError(bundle("people.csv", "id,name\np:1,One,extra\n"), "people.csv:2: expected 2 fields, found 3");
		assertError(bundle("people.csv", ""), "people.csv: the file is empty");
		assertError(bundle("messages.csv", "id,sender,sentAt,channel\nm:1,p:1,2016-01-01T00:00:00Z,PIGEON\n"),
				"messages.csv:2: channel: 'PIGEON' is not one of GROUP, DIRECT, SMS, EMAIL");
		Path garbage = Files.createDirectories(temp.resolve("garbage"));
		Files.write(garbage.resolve("people.csv"), new byte[] { 'i', 'd', '\n', 0, (byte) 0xff, 3 });
		assertError(garbage, "people.csv:2: not UTF-8 text");
		assertError(temp.resolve("no-such-folder"), "no-such-folder: no such folder");
		assertError(bundle("notes.txt", "hello"), "holds none of the bundle's files");
	}

	@Test
	void aLargeFileGivesTheErrorOfItsFirstBadLine() throws IOException {
		assertError(people(1_500, "maybe", 4_000, new byte[] { (byte) 0xff }), "people.csv:1501: officer: 'maybe'");
		// Parsed ahead a thousand rows at a time: the bad bytes break the chunk that
		// holds the bad value, after it.
		assertError(people(1_100, "maybe", 1_990, new byte[] { (byte) 0xff }), "people.csv:1101: officer: 'maybe'");
		assertError(people(4_000, "maybe", 1_500, new byte[] { (byte) 0xff }), "people.csv:1501: not UTF-8 text");
	}

	/**
	 * A people file of 5,000 rows, one with {@code officer} on line {@code badValueLine}
	 * and {@code badBytes} on line {@code badBytesLine}.
	 */
	private Path people(int badValueLine, String officer, int badBytesLine, byte[] badBytes) throws IOException {
		Path dir = Files.createTempDirectory(temp, "bundle");
		var bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes("id,name,officer\n".getBytes(StandardCharsets.UTF_8));
		for (int line = 2; line <= 5_001; line++) {
			String value = (line == badValueLine + 1) ? officer : "false";
			bytes.writeBytes(("p:" + line + ",Name " + line + "," + value).getBytes(StandardCharsets.UTF_8));
			if (line == badBytesLine + 1) {
				bytes.writeBytes(badBytes);
			}
			bytes.write('\n');
		}
		Files.write(dir.resolve("people.csv"), bytes.toByteArray());
		return dir;
	}

	private static ImportPlan read(Path bundle) {
		return CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000));
	}

	private static void assertError(Path bundle, String message) {
		assertThatThrownBy(() -> read(bundle)).isInstanceOf(InputException.class).hasMessageContaining(message);
	}

	private Path bundle(String... namesAndContents) throws IOException {
		Path dir = Files.createTempDirectory(temp, "bundle");
		for (int i = 0; i < namesAndContents.length; i += 2) {
			Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1]);
		}
		return dir;
	}

}
