package org.casegraph.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail's chain: intact as written, across the files of several days and a restart;
 * an edited byte, a removed line or a removed file is found at its sequence number. A
 * restart finds the last entry from the end of the newest file that has one; a read keeps
 * what it was asked for; a trail that keeps its file open writes where the file's name
 * says.
 */
class AuditTrailTests {

	@TempDir
	Path dir;

	@Test
	void aTrailAsWrittenIsIntactAcrossDaysAndRestarts() throws IOException {
		write(5);
		List<Path> files = AuditTrail.files(dir);
		assertThat(files).hasSize(3);
		assertThat(AuditTrail.verify(dir)).satisfies(result -> {
			assertThat(result.intact()).isTrue();
			assertThat(result.entries()).isEqualTo(5);
		});
		new AuditTrail(dir, clockAt("2026-11-03T10:00:00Z")).append(Map.of("channel", "graphql"));
		assertThat(AuditTrail.verify(dir).entries()).isEqualTo(6);
		assertThat(AuditTrail.verify(dir).intact()).isTrue();
	}

	@Test
	void oneEditedByteIsFoundAtItsSequenceNumber() throws IOException {
		write(5);
		Path file = AuditTrail.files(dir).get(1);
		List<String> lines = Files.readAllLines(file);
		String edited = lines.getFirst().replace("\"channel\":\"graphql\"", "\"channel\":\"graphq1\"");
		assertThat(edited).isNotEqualTo(lines.getFirst());
		lines.set(0, edited);
		Files.write(file, lines);

		AuditTrail.Verification result = AuditTrail.verify(dir);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBad()).isEqualTo(seqOf(edited));
		assertThat(result.message()).contains("changed");
	}

	@Test
	void aRemovedLineIsFoundAtItsSequenceNumber() throws IOException {
		write(5);
		Path file = AuditTrail.files(dir).get(1);
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		long removed = seqOf(lines.removeFirst());
		Files.write(file, lines);

		AuditTrail.Verification result = AuditTrail.verify(dir);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBad()).isEqualTo(removed);
		assertThat(result.message()).contains("missing");
	}

	@Test
	void anEditedLineWithItsHashMadeAgainBreaksTheLinkAfterIt() throws IOException {
		write(3);
		Path file = AuditTrail.files(dir).getFirst();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		String line = lines.getFirst();
		String body = line.substring(0, line.lastIndexOf(",\"hash\":\"")).replace("graphql", "nothing!") + "}";
		String forged = body.substring(0, body.length() - 1) + ",\"hash\":\""
				+ org.apache.commons.codec.digest.DigestUtils.sha256Hex(body) + "\"}";
		lines.set(0, forged);
		Files.write(file, lines);

		assertThat(AuditTrail.verify(dir).firstBad()).isEqualTo(0);
	}

	@Test
	void aRestartReadsTheDaysFileFromItsEndNotWhole(@TempDir Path elsewhere) throws IOException {
		new AuditTrail(elsewhere, clockAt("2026-11-03T09:00:00Z")).append(Map.of("channel", "graphql"));
		new AuditTrail(elsewhere, clockAt("2026-11-03T10:00:00Z")).append(Map.of("channel", "graphql"));
		String last = Files.readAllLines(AuditTrail.files(elsewhere).getFirst()).getLast();
		// Four GiB before the last entry, as a file with a hole takes no disk: a day's
		// file
		// read whole would not fit in the heap.
		try (FileChannel day = FileChannel.open(dir.resolve("audit-2026-11-03.jsonl"), StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE)) {
			day.write(ByteBuffer.wrap(("\n" + last + "\n").getBytes(StandardCharsets.UTF_8)), 4L << 30);
		}

		long seq = new AuditTrail(dir, clockAt("2026-11-04T09:00:00Z")).append(Map.of("channel", "graphql"));

		assertThat(seq).isEqualTo(seqOf(last) + 1);
		assertThat(Files.readString(dir.resolve("audit-2026-11-04.jsonl")))
			.contains("\"prev\":\"" + hashOf(last) + "\"");
	}

	@Test
	void aRestartContinuesAfterALongLastEntryAndADayWithoutEntries() throws IOException {
		String ids = "officer:x,".repeat(20_000);
		new AuditTrail(dir, clockAt("2026-11-01T09:00:00Z")).append(Map.of("channel", "graphql"));
		new AuditTrail(dir, clockAt("2026-11-01T10:00:00Z")).append(Map.of("channel", "graphql", "ids", ids));
		Files.writeString(dir.resolve("audit-2026-11-01.jsonl"), "\n\n", StandardOpenOption.APPEND);
		Files.writeString(dir.resolve("audit-2026-11-02.jsonl"), "\n");

		long seq = new AuditTrail(dir, clockAt("2026-11-03T09:00:00Z")).append(Map.of("channel", "graphql"));

		assertThat(seq).isEqualTo(2);
		assertThat(AuditTrail.verify(dir)).satisfies(result -> {
			assertThat(result.intact()).as(result.message()).isTrue();
			assertThat(result.entries()).isEqualTo(3);
		});
	}

	@Test
	void aReadKeepsItsTimesAndAtMostTheEntriesAskedForAndCountsTheRest() throws IOException {
		write(5);
		AuditTrail trail = new AuditTrail(dir);

		AuditTrail.Entries secondDay = trail.read(Instant.parse("2026-11-02T00:00:00Z"),
				Instant.parse("2026-11-02T23:59:59Z"), entry -> true, 10);
		AuditTrail.Entries fromTheSecondDay = trail.read(Instant.parse("2026-11-01T10:00:00Z"), null, entry -> true, 2);
		AuditTrail.Entries even = trail.read(null, null, entry -> entry.path("n").asInt() % 2 == 0, 10);

		assertThat(secondDay.first()).extracting(entry -> entry.path("n").asInt()).containsExactly(2, 3);
		assertThat(secondDay.total()).isEqualTo(2);
		assertThat(fromTheSecondDay.first()).extracting(entry -> entry.path("n").asInt()).containsExactly(1, 2);
		assertThat(fromTheSecondDay.total()).isEqualTo(4);
		assertThat(even.first()).extracting(entry -> entry.path("n").asInt()).containsExactly(0, 2, 4);
	}

	@Test
	void aTrailThatCannotBeWrittenSaysSo() throws IOException {
		Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
		assertThatThrownBy(() -> new AuditTrail(notADirectory).append(Map.of("channel", "graphql")))
			.isInstanceOf(AuditUnavailableException.class)
			.hasMessageContaining("cannot be written");
	}

	@Test
	void aTrailKeptOpenWritesWhereItsNameSaysAcrossDaysAndFilesMovedOrRemoved(@TempDir Path elsewhere)
			throws IOException {
		SetClock clock = new SetClock("2026-11-01T09:00:00Z");
		try (AuditTrail trail = new AuditTrail(dir, clock)) {
			trail.append(Map.of("n", 0));
			clock.set("2026-11-02T09:00:00Z");
			trail.append(Map.of("n", 1));
			Path day = dir.resolve("audit-2026-11-02.jsonl");
			Path aside = Files.move(day, dir.resolve("archived"));
			trail.append(Map.of("n", 2));
			assertThat(numbers(aside)).containsExactly(1);
			assertThat(numbers(day)).containsExactly(2);

			Files.delete(day);
			trail.append(Map.of("n", 3));
			assertThat(numbers(day)).containsExactly(3);

			Path movedDirectory = Files.move(dir, elsewhere.resolve("aside"));
			trail.append(Map.of("n", 4));
			assertThat(numbers(day)).containsExactly(4);
			assertThat(numbers(movedDirectory.resolve("audit-2026-11-01.jsonl"))).containsExactly(0);
			assertThat(seqOf(Files.readAllLines(day).getFirst())).isEqualTo(4);
		}
	}

	/** The field n of each line of a file. */
	private static List<Integer> numbers(Path file) throws IOException {
		return Files.readAllLines(file)
			.stream()
			.map(line -> Integer.valueOf(line.replaceAll("^.*\"n\":(\\d+).*$", "$1")))
			.toList();
	}

	/** Five entries over three days: two, two, one. */
	private void write(int entries) {
		String[] days = { "2026-11-01T09:00:00Z", "2026-11-01T10:00:00Z", "2026-11-02T09:00:00Z",
				"2026-11-02T10:00:00Z", "2026-11-03T09:00:00Z" };
		for (int i = 0; i < entries; i++) {
			new AuditTrail(dir, clockAt(days[i])).append(Map.of("channel", "graphql", "n", i));
		}
	}

	/** A clock that stays where it is set. */
	private static final class SetClock extends Clock {

		private Instant now;

		SetClock(String instant) {
			set(instant);
		}

		void set(String instant) {
			now = Instant.parse(instant);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	private static Clock clockAt(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	private static String hashOf(String line) {
		return line.replaceAll("^.*,\"hash\":\"([0-9a-f]{64})\"}$", "$1");
	}

	private static long seqOf(String line) {
		return Long.parseLong(line.replaceAll("^\\{\"seq\":(\\d+),.*$", "$1"));
	}

}
