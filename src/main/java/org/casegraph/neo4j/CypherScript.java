package org.casegraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * A {@code .cypher} file from the classpath, as the statements it holds: {@code //}
 * comment lines are dropped and statements end with a semicolon at the end of a line.
 */
public record CypherScript(String path, List<String> statements) {

	public static CypherScript load(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new CypherScript(path, split(text));
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
