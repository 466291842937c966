package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The batch importer's files number the nodes themselves: every id is numbered once,
 * whether it is first referred to or first written, and must be written as a node exactly
 * once.
 */
class AdminCsvTests {

	@TempDir
	Path dir;

	@Test
	void idsAreNumberedAtFirstSightAndKeptAsProperties() throws IOException {
		try (AdminCsv files = new AdminCsv(dir, 3)) {
			files.node(List.of("Person"), Map.of("id", "person:a", "name", "A"));
			files.relationship("person:a", "SENT", "message:1", Map.of());
			files.node(List.of("Message"), Map.of("id", "message:1", "channel", "DIRECT"));
			files.node(List.of("Person"), Map.of("id", "person:b", "name", "B"));
			files.relationship("message:1", "TO", "person:b", Map.of());
		}

		assertThat(Files.readAllLines(dir.resolve("nodes-0.csv"))).containsExactly(":ID,id:string,name:string,:LABEL",
				"0,person:a,A,Person", "2,person:b,B,Person");
		assertThat(Files.readAllLines(dir.resolve("nodes-1.csv")))
			.containsExactly(":ID,id:string,channel:string,:LABEL", "1,message:1,DIRECT,Message");
		assertThat(Files.readAllLines(dir.resolve("relationships-0.csv"))).containsExactly(":START_ID,:END_ID,:TYPE",
				"0,1,SENT");
		assertThat(Files.readAllLines(dir.resolve("relationships-1.csv"))).containsExactly(":START_ID,:END_ID,:TYPE",
				"1,2,TO");
	}

	@Test
	void anIdReferredToButNeverWrittenIsRefused() {
		AdminCsv files = new AdminCsv(dir, 2);
		files.node(List.of("Person"), Map.of("id", "person:a"));
		files.relationship("person:a", "SENT", "message:1", Map.of());

		assertThatIllegalStateException().isThrownBy(files::close)
			.withMessage("'message:1' is referred to but was never written as a node (and 0 more)");
	}

	@Test
	void aNodeWrittenTwiceIsRefused() {
		try (AdminCsv files = new AdminCsv(dir, 2)) {
			files.node(List.of("Person"), Map.of("id", "person:a"));

			assertThatIllegalStateException().isThrownBy(() -> files.node(List.of("Person"), Map.of("id", "person:a")))
				.withMessage("Node id 'person:a' written twice");
		}
	}

}
