package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
	void rowsOfOneLabelGoToTheFileOfTheirOwnPropertiesAndTypes() throws IOException {
		try (AdminCsv files = new AdminCsv(dir, 6)) {
			files.node(List.of("Person"), linked("id", "person:a", "name", "A"));
			files.node(List.of("Person"), linked("id", "person:b", "name", 7L));
			files.node(List.of("Person"), linked("name", "C", "id", "person:c"));
			files.node(List.of("Person"), linked("id", "person:d", "role", "PC"));
			files.node(List.of("Person"), linked("id", "person:e", "name", List.of()));
			files.node(List.of("Person"), linked("id", "person:f", "name", List.of(1L, 2L)));
			files.relationship("person:a", "KNOWS", "person:b", Map.of());
			files.relationship("person:a", "KNOWS", "person:c", linked("since", 2019L));
			files.relationship("person:a", "KNOWS", "person:d", Map.of());
		}

		assertThat(Files.readAllLines(dir.resolve("nodes-0.csv"))).containsExactly(":ID,id:string,name:string,:LABEL",
				"0,person:a,A,Person", "2,person:c,C,Person");
		assertThat(Files.readAllLines(dir.resolve("nodes-1.csv"))).containsExactly(":ID,id:string,name:long,:LABEL",
				"1,person:b,7,Person");
		assertThat(Files.readAllLines(dir.resolve("nodes-2.csv"))).containsExactly(":ID,id:string,role:string,:LABEL",
				"3,person:d,PC,Person");
		assertThat(Files.readAllLines(dir.resolve("nodes-3.csv"))).containsExactly(":ID,id:string,:LABEL",
				"4,person:e,Person");
		assertThat(Files.readAllLines(dir.resolve("nodes-4.csv"))).containsExactly(":ID,id:string,name:long[],:LABEL",
				"5,person:f,1;2,Person");
		assertThat(Files.readAllLines(dir.resolve("relationships-0.csv"))).containsExactly(":START_ID,:END_ID,:TYPE",
				"0,1,KNOWS", "0,3,KNOWS");
		assertThat(Files.readAllLines(dir.resolve("relationships-1.csv")))
			.containsExactly(":START_ID,:END_ID,:TYPE,since:long", "0,2,KNOWS,2019");
	}

	/** A map in the order given, as the readers build them. */
	private static Map<String, Object> linked(Object... entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
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
