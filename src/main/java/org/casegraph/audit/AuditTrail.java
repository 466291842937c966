package org.casegraph.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: one JSON line per entry in files named {@code audit-YYYY-MM-DD.jsonl}
 * (a new file each UTC day). Each line has a sequence number, the SHA-256 of the line
 * before it ({@code prev}, across files too) and its own ({@code hash}, of the line as
 * written without that field), so an edited, removed or reordered line breaks the chain
 * at its sequence number. Written under a lock, flushed to the file before
 * {@link #append} returns.
 */
public final class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HASH_FIELD = ",\"hash\":\"";

	private final Path directory;

	private final Clock clock;

	private long seq = -1;

	private String lastHash;

	public AuditTrail(Path directory) {
		this(directory, Clock.systemUTC());
	}

	AuditTrail(Path directory, Clock clock) {
		this.directory = directory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	public Path directory() {
		return directory;
	}

	/**
	 * Writes one entry after the sequence number, time and chain fields; returns its
	 * sequence number. Throws {@link AuditUnavailableException} when it cannot be
	 * written.
	 */
	public synchronized long append(Map<String, Object> fields) {
		try {
			if (seq < 0) {
				resume();
			}
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("seq", seq + 1);
			entry.put("time", now.toString());
			entry.put("prev", lastHash);
			entry.putAll(fields);
			String body = JSON.writeValueAsString(entry);
			String hash = DigestUtils.sha256Hex(body);
			String line = body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}\n";
			Files.createDirectories(directory);
			Files.writeString(file(LocalDate.ofInstant(now, ZoneOffset.UTC)), line, StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
					StandardOpenOption.DSYNC);
			seq++;
			lastHash = hash;
			return seq;
		}
		catch (IOException | RuntimeException ex) {
			throw new AuditUnavailableException("The audit trail in " + directory + " cannot be written", ex);
		}
	}

	/** The entries, oldest first, that match {@code keep}. */
	public List<JsonNode> read(java.util.function.Predicate<JsonNode> keep) throws IOException {
		List<JsonNode> entries = new ArrayList<>();
		for (Path file : files(directory)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					JsonNode entry = JSON.readTree(line);
					if (keep.test(entry)) {
						entries.add(entry);
					}
				}
			}
		}
		return entries;
	}

	/**
	 * Checks the whole chain: every line's own hash, its link to the line before, and
	 * sequence numbers without gaps.
	 */
	public static Verification verify(Path directory) throws IOException {
		long expected = 0;
		String previous = GENESIS;
		long lines = 0;
		for (Path file : files(directory)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.isBlank()) {
					continue;
				}
				Line parsed = Line.parse(line);
				if (parsed == null) {
					return Verification.broken(lines, expected, "the line after sequence number " + (expected - 1)
							+ " in " + file.getFileName() + " is not an audit entry");
				}
				if (parsed.seq() != expected) {
					return Verification.broken(lines, expected,
							(parsed.seq() > expected)
									? "sequence number " + expected + " is missing (the next line is " + parsed.seq()
											+ ")"
									: "sequence number " + parsed.seq() + " comes again after " + (expected - 1));
				}
				if (!parsed.hash().equals(DigestUtils.sha256Hex(parsed.body()))) {
					return Verification.broken(lines, expected,
							"entry " + expected + " was changed after it was written (its hash does not match)");
				}
				if (!parsed.prev().equals(previous)) {
					return Verification.broken(lines, expected - 1, "entry " + (expected - 1) + " is not the one entry "
							+ expected + " was written after (the chain breaks there)");
				}
				previous = parsed.hash();
				expected++;
				lines++;
			}
		}
		return new Verification(true, lines, null, "intact: " + lines + " entries");
	}

	private void resume() throws IOException {
		seq = -1;
		lastHash = GENESIS;
		List<Path> files = files(directory);
		if (files.isEmpty()) {
			return;
		}
		List<String> lines = Files.readAllLines(files.getLast(), StandardCharsets.UTF_8);
		for (int i = lines.size() - 1; i >= 0; i--) {
			Line last = Line.parse(lines.get(i));
			if (last != null) {
				seq = last.seq();
				lastHash = last.hash();
				return;
			}
		}
	}

	private Path file(LocalDate day) {
		return directory.resolve("audit-" + day + ".jsonl");
	}

	/** The trail's files, oldest first. */
	public static List<Path> files(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().matches("audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
				.sorted()
				.toList();
		}
	}

	/**
	 * What a check of the chain found.
	 *
	 * @param intact whether every line is as written, in order, none missing
	 * @param entries how many entries were checked before the first problem
	 * @param firstBad the sequence number of the first bad entry, or null
	 * @param message what was found, in words
	 */
	public record Verification(boolean intact, long entries, Long firstBad, String message) {

		static Verification broken(long entries, long seq, String message) {
			return new Verification(false, entries, seq, message);
		}

	}

	/** One written line: its fields of the chain and the text its hash covers. */
	private record Line(long seq, String prev, String hash, String body) {

		static Line parse(String text) {
			int at = text.lastIndexOf(HASH_FIELD);
			if (at < 0 || !text.endsWith("\"}")) {
				return null;
			}
			String hash = text.substring(at + HASH_FIELD.length(), text.length() - 2);
			String body = text.substring(0, at) + "}";
			try {
				JsonNode entry = JSON.readTree(body);
				if (!entry.has("seq") || !entry.has("prev")) {
					return null;
				}
				return new Line(entry.get("seq").asLong(), entry.get("prev").asString(), hash, body);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}
