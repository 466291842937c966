package org.casegraph.ingest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.casegraph.ingest.ImportPlan;
import org.casegraph.ingest.InputException;
import org.casegraph.ingest.WriteCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casegraph.ingest.read.PlanContents.messages;
import static org.casegraph.ingest.read.PlanContents.node;
import static org.casegraph.ingest.read.PlanContents.properties;
import static org.casegraph.ingest.read.PlanContents.relationships;

/** Reading SNAP edge lists, without a database. */
class SnapReaderTests {

	@TempDir
	Path temp;

	@Test
	void eachLineIsAMessageAndTheLabelsMakeUnits() throws IOException {
		Path edges = write("tiny.txt", "# a comment\n1 2 1500000000\n2 1\n1 1 1500000060\n");
		Path labels = write("tiny-labels.txt", "1 0\n2 7\n");

		ImportPlan plan = read(edges, labels, false);

		assertThat(messages(plan)).hasSize(3)
			.extracting(message -> message.get("sender"))
			.containsExactly("person:tiny:1", "person:tiny:2", "person:tiny:1");
		assertThat(properties(messages(plan).getFirst()).get("sentAt")).hasToString("2017-07-14T02:40Z");
		assertThat(properties(messages(plan).get(1))).doesNotContainKey("sentAt");
		assertThat(relationships(plan)).anySatisfy(
				relationship -> assertThat(relationship).containsEntry("from", messages(plan).getFirst().get("id"))
					.containsEntry("type", "TO")
					.containsEntry("to", "person:tiny:2"));
		assertThat(properties(node(plan, "unit:tiny:7"))).containsEntry("name", "Unit 7");
	}

	@Test
	void eachMalformedInputGivesOneClearError() throws IOException {
		assertInputError(write("three-fields.txt", "1 2\r\n3 4 5 6\r\n"),
				"three-fields.txt:2: expected SENDER RECIPIENT");
		assertInputError(write("bad-time.txt", "1 2 1500000000\n3 4 yesterday\n"),
				"bad-time.txt:2: TIMESTAMP: 'yesterday'");
		assertInputError(write("empty.txt", ""), "empty.txt: the file is empty");
		assertInputError(temp.resolve("not-there.txt"), "not-there.txt: no such file");
		assertInputError(Files.write(temp.resolve("garbage.bin"), new byte[] { 'a', ' ', 'b', '\n', 0, 1, 2, 3 }),
				"garbage.bin:2: binary data");
		assertInputError(
				Files.write(temp.resolve("latin1.txt"), new byte[] { '1', ' ', '2', '\n', (byte) 0xE9, ' ', '3' }),
				"latin1.txt:2: not UTF-8");
		assertInputError(write("comments-only.txt", "# nothing\n"), "comments-only.txt: holds no edges");
		assertInputError(write("text-id.txt", "1 2\n5 x7\n"),
				"text-id.txt:2: RECIPIENT: 'x7' is not a whole number, as SNAP's node ids are (--text-ids takes any word)");
		assertInputError(write("text-sender.txt", "a1 2\n"), "text-sender.txt:1: SENDER: 'a1' is not a whole number");
		assertInputError(write("ok.txt", "1 2\n"), write("text-labels.txt", "1 0\nx 3\n"),
				"text-labels.txt:2: PERSON: 'x' is not a whole number");
	}

	@Test
	void textIdsTakeAnyWordAsANode() throws IOException {
		Path edges = write("words.txt", "5 x7 1500000000\nx7 alice\n");
		ImportPlan plan = SnapReader.read(new SnapReader.Settings(edges, null, "Unit ", "words", true, false, 10));

		assertThat(messages(plan)).extracting(message -> message.get("sender"))
			.containsExactly("person:words:5", "person:words:x7");
	}

	@Test
	void skipInvalidKeepsTheValidLinesAndListsTheRest() throws IOException {
		ImportPlan plan = read(write("mixed.txt", "1 2 1500000000\n3 4 5 6\n1 3 1500000060\n"), null, true);

		assertThat(messages(plan)).hasSize(2);
		assertThat(plan.rejected().byKind()).containsEntry("(invalid lines)", new WriteCounts.Count(0, 0, 0, 1));
		assertThat(plan.notes()).anyMatch(note -> note.contains("mixed.txt:2: expected SENDER RECIPIENT"));
	}

	private ImportPlan read(Path edges, Path labels, boolean skipInvalid) {
		String dataset = edges.getFileName().toString().replace(".txt", "");
		return SnapReader.read(new SnapReader.Settings(edges, labels, "Unit ", dataset, false, skipInvalid, 10));
	}

	private void assertInputError(Path file, String message) {
		assertInputError(file, null, message);
	}

	private void assertInputError(Path edges, Path labels, String message) {
		assertThatThrownBy(() -> read(edges, labels, false)).isInstanceOf(InputException.class)
			.hasMessageContaining(message);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(temp.resolve(name), text);
	}

}
