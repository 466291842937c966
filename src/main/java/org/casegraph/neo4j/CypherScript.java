package org.casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * A {@code .cypher} file from the classpath, as the statements it holds: {@code //}
 * comment lines are dropped and statements end with a semicolon at the end of a line. A
 * line {@code // include: NAME} stands for the shared fragment
 * {@code cypher/shared/NAME.cypher}, so that a rule used by several queries is written
 * once.
 */
public record CypherScript(String path, List<String> statements) {

	private static final String SHARED = "cypher/shared/";

	private static final Pattern INCLUDE = Pattern.compile("^(\\s*)//\\s*include:\\s*(\\S+)\\s*$");

	public static CypherScript load(String path) {
		return new CypherScript(path, split(withIncludes(path, read(path))));
	}

	/**
	 * {@code text} with each include line replaced by its fragment (comments dropped,
	 * indented as the include line). An unknown fragment is refused naming {@code origin}
	 * and the line.
	 */
	public static String withIncludes(String origin, String text) {
		List<String> lines = new ArrayList<>();
		List<String> given = text.lines().toList();
		for (int i = 0; i < given.size(); i++) {
			Matcher include = INCLUDE.matcher(given.get(i));
			if (!include.matches()) {
				lines.add(given.get(i));
				continue;
			}
			String fragment = SHARED + include.group(2) + ".cypher";
			if (!new ClassPathResource(fragment).exists()) {
				throw new IllegalArgumentException(
						"%s:%d: include '%s': there is no %s".formatted(origin, i + 1, include.group(2), fragment));
			}
			read(fragment).lines()
				.filter(line -> !line.strip().startsWith("//"))
				.forEach(line -> lines.add(include.group(1) + line));
		}
		return String.join("\n", lines);
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path + " from the classpath", ex);
		}
	}

	/** The single statement of a one-statement file. */
	public String single() {
		if (statements.size() != 1) {
			throw new IllegalStateException(path + " holds " + statements.size() + " statements, not one");
		}
		return statements.getFirst();
	}

	private static List<String> split(String text) {
		String code = text.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
		return Arrays.stream(code.split(";\\s*(\\n|$)"))
			.map(String::strip)
			.filter(statement -> !statement.isEmpty())
			.toList();
	}

}
