package org.casegraph.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Cypher lives (docs/architecture.md): a statement of more than one line is a file
 * in {@code cypher/<feature>/}, never a text block in Java; a one-hop lookup is a
 * {@code Hop}; every {@code .cypher} file is loaded by something: its path in the code,
 * its folder (migrations, reports), a report's {@code // graph:} header or another file's
 * {@code // include:} line.
 */
class CypherPlacementTests {

	private static final Path CYPHER = Path.of("cypher");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Pattern PATH_IN_CODE = Pattern.compile("\"(cypher/[a-z0-9/-]+\\.cypher)\"");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern CLAUSE = Pattern.compile("\\b(MATCH|RETURN|UNWIND|MERGE|CREATE|CALL|DELETE|SET)\\b");

	private static final Pattern GRAPH_HEADER = Pattern.compile("(?m)^// graph: ([a-z0-9-]+)$");

	private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*// include: ([a-z0-9-]+)\\s*$");

	/** Folders whose every file is loaded by the folder. */
	private static final Set<String> LOADED_BY_FOLDER = Set.of("cypher/migrations", "cypher/reports");

	@Test
	void everyCypherFileIsLoadedBySomething() {
		String code = String.join("\n", read(files(JAVA, ".java")));
		String cypher = String.join("\n", read(files(CYPHER, ".cypher")));
		Set<String> loaded = new TreeSet<>(matches(PATH_IN_CODE, code).stream().toList());
		matches(GRAPH_HEADER, cypher).forEach(graph -> loaded.add("cypher/reports/graphs/" + graph + ".cypher"));
		matches(INCLUDE, cypher).forEach(fragment -> loaded.add("cypher/shared/" + fragment + ".cypher"));

		List<String> unloaded = files(CYPHER, ".cypher").stream()
			.map(CypherPlacementTests::name)
			.filter(file -> !LOADED_BY_FOLDER.contains(file.substring(0, file.lastIndexOf('/'))))
			.filter(file -> !loaded.contains(file))
			.toList();

		assertThat(unloaded).as("cypher files nothing loads").isEmpty();
	}

	@Test
	void everyCypherPathInTheCodeIsAFile() {
		String code = String.join("\n", read(files(JAVA, ".java")));
		assertThat(matches(PATH_IN_CODE, code)).isNotEmpty()
			.allSatisfy(path -> assertThat(Path.of(path)).as(path).isRegularFile());
	}

	@Test
	void noMultiLineCypherInJava() {
		List<String> inline = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			Matcher block = TEXT_BLOCK.matcher(read(List.of(file)).getFirst());
			while (block.find()) {
				if (CLAUSE.matcher(block.group(1)).find()) {
					inline.add(name(file) + ": " + block.group(1).strip().lines().findFirst().orElse(""));
				}
			}
		}
		assertThat(inline).as("Cypher text blocks in Java (move them to cypher/<feature>/)").isEmpty();
	}

	@Test
	void theRulesSeeAPlantedViolation() {
		String planted = "static final String Q = \"\"\"\n\t\tMATCH (n) RETURN n\n\t\t\"\"\";";
		Matcher block = TEXT_BLOCK.matcher(planted);
		assertThat(block.find()).isTrue();
		assertThat(CLAUSE.matcher(block.group(1)).find()).isTrue();
		assertThat(matches(INCLUDE, "OPTIONAL CALL (a) {\n  // include: allegation-team\n}"))
			.containsExactly("allegation-team");
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> read(List<Path> files) {
		return files.stream().map(file -> {
			try {
				return Files.readString(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	private static String name(Path file) {
		return file.toString().replace('\\', '/');
	}

}
