package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where imported evidence came from: the file (or the files of a bundle) an import read,
 * with their SHA-256, who imported them and when. Every message, account and membership
 * the import writes names it in its {@code exhibit} property.
 *
 * @param id {@code exhibit:} and the first 16 hex digits of the SHA-256
 * @param name the file's or folder's name
 * @param source the path it was read from
 * @param sha256 SHA-256 of the file; of a folder's files in name order, one after the
 * other
 * @param importedBy who ran the import
 * @param importedAt when
 */
public record Exhibit(String id, String name, String source, String sha256, String importedBy,
		ZonedDateTime importedAt) {

	/** The exhibit of a file, or of a folder's files. */
	public static Exhibit of(Path input, String importedBy) {
		// The digest of an import's fingerprint with no options before the files.
		String sha256 = ImportPlan.fingerprint("", files(input));
		return new Exhibit("exhibit:" + sha256.substring(0, 16), input.getFileName().toString(),
				input.toAbsolutePath().normalize().toString(), sha256, importedBy, ZonedDateTime.now(ZoneOffset.UTC));
	}

	/** An exhibit from its stored properties. */
	public static Exhibit from(Map<String, Object> stored) {
		return new Exhibit((String) stored.get("id"), (String) stored.get("name"), (String) stored.get("source"),
				(String) stored.get("sha256"), (String) stored.get("importedBy"),
				(ZonedDateTime) stored.get("importedAt"));
	}

	/** Its properties as stored. */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", id);
		properties.put("name", name);
		properties.put("source", source);
		properties.put("sha256", sha256);
		properties.put("importedBy", importedBy);
		properties.put("importedAt", importedAt);
		return properties;
	}

	private static List<Path> files(Path input) {
		if (!Files.isDirectory(input)) {
			return List.of(input);
		}
		try (Stream<Path> files = Files.list(input)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
