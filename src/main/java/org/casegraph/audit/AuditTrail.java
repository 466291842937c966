package org.casegraph.audit;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: one JSON line per entry in files named {@code audit-YYYY-MM-DD.jsonl}
 * (a new file each UTC day). Each line has a sequence number, the SHA-256 of the line
 * before it ({@code prev}, across files too) and its own ({@code hash}, of the line as
 * written without that field), so an edited, removed or reordered line breaks the chain
 * at its sequence number. Written under a lock, on the disk before {@link #append}
 * returns.
 */
public final class AuditTrail implements AutoCloseable {

	static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HASH_FIELD = ",\"hash\":\"";

	/** A day's file ({@link #file}), its day the group. */
	private static final Pattern FILE_NAME = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

	/** The bytes read at a time while a file is searched backwards for its last entry. */
	private static final int TAIL_CHUNK = 64 * 1024;

	private final Path directory;

	private final Clock clock;

	private long seq = -1;

	private String lastHash;

	/** The day's file, kept open between entries ({@link #write}); null when none is. */
	private FileChannel open;

	/** The open file's key: null when none is open, or the file system gives none. */
	private Object openKey;

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
			// Encoded from the text, as a line is read back and checked: a lone surrogate
			// becomes '?' in both.
			byte[] body = JSON.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
			String hash = DigestUtils.sha256Hex(body);
			write(file(LocalDate.ofInstant(now, ZoneOffset.UTC)), line(body, hash));
			seq++;
			lastHash = hash;
			return seq;
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly();
			throw new AuditUnavailableException("The audit trail in " + directory + " cannot be written", ex);
		}
	}

	/** The entry's body with its own hash as the last field, and a newline. */
	private static ByteBuffer line(byte[] body, String hash) {
		byte[] tail = (HASH_FIELD + hash + "\"}\n").getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(body.length - 1 + tail.length).put(body, 0, body.length - 1).put(tail).flip();
	}

	/**
	 * Appends a line to the day's file, on the disk before it returns. The file is kept
	 * open between entries, but only while the name it is written under names it (the
	 * same file key): a new day, or a file moved aside, removed or replaced, opens the
	 * file the name names now (and its directory, made again if need be). A file system
	 * that gives files no key has the file opened for every entry.
	 */
	private void write(Path file, ByteBuffer line) throws IOException {
		if (openKey == null || !openKey.equals(key(file))) {
			closeQuietly();
			Files.createDirectories(directory);
			open = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
			openKey = key(file);
		}
		while (line.hasRemaining()) {
			open.write(line);
		}
	}

	/** The file's key, or null when it has none or cannot be read (it is not there). */
	private static Object key(Path file) {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Closes the file kept open, if one is; what was written is on the disk already. */
	@Override
	public synchronized void close() {
		closeQuietly();
	}

	private void closeQuietly() {
		FileChannel channel = open;
		open = null;
		openKey = null;
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Every line was on the disk when append returned: nothing is lost.
		}
	}

	/**
	 * The entries, oldest first, written from {@code from} to {@code to} (either may be
	 * null) that match {@code keep}: the first {@code most} of them, and how many there
	 * are. The files of days outside the range are not opened, and the trail is read line
	 * by line, so that a day's file larger than the heap can be searched.
	 */
	public Entries read(Instant from, Instant to, Predicate<JsonNode> keep, int most) throws IOException {
		Found found = new Found(most);
		for (Path file : files(directory)) {
			if (overlaps(file, from, to)) {
				lines(file, text -> {
					text.map(JSON::readTree)
						.filter(entry -> within(entry, from, to) && keep.test(entry))
						.forEach(found);
					return found;
				});
			}
		}
		return new Entries(List.copyOf(found.first), found.total);
	}

	/** The first entries a read found, and how many it found. */
	private static final class Found implements Consumer<JsonNode> {

		private final List<JsonNode> first = new ArrayList<>();

		private final int most;

		private long total;

		Found(int most) {
			this.most = most;
		}

		@Override
		public void accept(JsonNode entry) {
			total++;
			if (first.size() < most) {
				first.add(entry);
			}
		}

	}

	private static boolean overlaps(Path file, Instant from, Instant to) {
		Instant start = day(file).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = day(file).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return (from == null || from.isBefore(end)) && (to == null || !to.isBefore(start));
	}

	private static boolean within(JsonNode entry, Instant from, Instant to) {
		Instant time = Instant.parse(entry.get("time").asString());
		return (from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to));
	}

	/** The day of one of the trail's files ({@link #files}). */
	private static LocalDate day(Path file) {
		Matcher name = FILE_NAME.matcher(file.getFileName().toString());
		if (!name.matches()) {
			throw new IllegalArgumentException(file + " is not one of the trail's files");
		}
		return LocalDate.parse(name.group(1));
	}

	/**
	 * Checks the whole chain: every line's own hash, its link to the line before, and
	 * sequence numbers without gaps. Reads line by line: a day's file can be larger than
	 * the heap.
	 */
	public static Verification verify(Path directory) throws IOException {
		Chain chain = new Chain();
		for (Path file : files(directory)) {
			Optional<Verification> broken = lines(file,
					text -> text.map(line -> chain.next(line, file)).flatMap(Optional::stream).findFirst());
			if (broken.isPresent()) {
				return broken.get();
			}
		}
		return new Verification(true, chain.checked, null, "intact: " + chain.checked + " entries");
	}

	/** What {@code read} makes of the file's lines that are not blank, read lazily. */
	private static <T> T lines(Path file, Function<Stream<String>, T> read) throws IOException {
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return read.apply(lines.filter(line -> !line.isBlank()));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** The chain as checked so far, line after line. */
	private static final class Chain {

		private long checked;

		private String previous = GENESIS;

		/** What is wrong with the next line, or nothing. */
		Optional<Verification> next(String line, Path file) {
			long expected = checked;
			Line parsed = Line.parse(line);
			if (parsed == null) {
				return broken(expected, "the line after sequence number " + (expected - 1) + " in " + file.getFileName()
						+ " is not an audit entry");
			}
			if (parsed.seq() != expected) {
				return broken(expected,
						(parsed.seq() > expected)
								? "sequence number " + expected + " is missing (the next line is " + parsed.seq() + ")"
								: "sequence number " + parsed.seq() + " comes again after " + (expected - 1));
			}
			if (!parsed.hash().equals(DigestUtils.sha256Hex(parsed.body()))) {
				return broken(expected,
						"entry " + expected + " was changed after it was written (its hash does not match)");
			}
			if (!parsed.prev().equals(previous)) {
				return broken(expected - 1, "entry " + (expected - 1) + " is not the one entry " + expected
						+ " was written after (the chain breaks there)");
			}
			previous = parsed.hash();
			checked++;
			return Optional.empty();
		}

		private Optional<Verification> broken(long seq, String message) {
			return Optional.of(new Verification(false, checked, seq, message));
		}

	}

	/**
	 * Finds the last entry written, newest file first, reading each file from its end: a
	 * busy day's file can be larger than the heap, and a server reads it before its first
	 * answer.
	 */
	private void resume() throws IOException {
		seq = -1;
		lastHash = GENESIS;
		for (Path file : files(directory).reversed()) {
			Line last = lastEntry(file);
			if (last != null) {
				seq = last.seq();
				lastHash = last.hash();
				return;
			}
		}
	}

	/** The file's last line that is an entry, read backwards from its end; or null. */
	private static Line lastEntry(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long end = channel.size();
			while (end > 0) {
				long start = lineStart(channel, end);
				Line line = Line.parse(text(channel, start, end).stripTrailing());
				if (line != null) {
					return line;
				}
				end = start;
			}
			return null;
		}
	}

	/**
	 * Where the line that ends at {@code end} (its newline, if it has one, the last byte
	 * before it) begins: after the newline before it, or at the file's start. A newline
	 * byte is never part of another UTF-8 character.
	 */
	private static long lineStart(FileChannel channel, long end) throws IOException {
		ByteBuffer chunk = ByteBuffer.allocate(TAIL_CHUNK);
		long position = end - 1;
		while (position > 0) {
			int length = (int) Math.min(TAIL_CHUNK, position);
			long from = position - length;
			readFully(channel, chunk.clear().limit(length), from);
			for (int i = length - 1; i >= 0; i--) {
				if (chunk.get(i) == '\n') {
					return from + i + 1;
				}
			}
			position = from;
		}
		return 0;
	}

	private static String text(FileChannel channel, long start, long end) throws IOException {
		ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end - start));
		readFully(channel, bytes, start);
		return new String(bytes.array(), StandardCharsets.UTF_8);
	}

	private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				throw new EOFException("the audit file ended while it was read");
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
			return files.filter(file -> FILE_NAME.matcher(file.getFileName().toString()).matches()).sorted().toList();
		}
	}

	/**
	 * The entries a read found.
	 *
	 * @param first the first of them, oldest first, as many as were asked for at most
	 * @param total how many there are
	 */
	public record Entries(List<JsonNode> first, long total) {
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
