package org.casegraph.ingest.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casegraph.ingest.InputException;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every importer's reader given files spoiled in each way real files are: truncated, in
 * the wrong encoding, binary, with mixed line endings, the wrong number of fields, bad
 * dates, enormous lines. Each is either read, or refused with one InputException that
 * names the file and, for a spoiled line, that line; never another exception. Readers
 * refuse before anything is written (the commands run them before the database starts:
 * {@code CommandLineInterfaceTests}).
 */
class MalformedFilesTests {

	/** Where an error says it is: the file's name, then the line. */
	private static final Pattern WHERE = Pattern.compile("(?:^|/)([^/:]+):(\\d+):");

	@TempDir
	Path temp;

	private final Random random = new Random(2016);

	private final List<String> outcomes = new ArrayList<>();

	@Test
	void snapEdgeLists() throws IOException {
		String lines = "# edges\n1 2 1500000000\n2 3 1500000060\n3 1\n4 2 1500000120\n5 6 1500000180\n";
		for (Spoil spoil : spoils("SENDER RECIPIENT")) {
			Path file = temp.resolve("edges-" + spoil.name() + ".txt");
			expectReadOrRefused(file, spoil.name(), spoil.apply(file, lines),
					() -> SnapReader.read(new SnapReader.Settings(file, null, "Unit ", "d", false, false, 10)));
		}
		assertThat(outcomes).hasSizeGreaterThan(20);
	}

	@Test
	void whatsAppExports() throws IOException {
		String lines = """
				01/02/2016, 21:00 - Alice created group "Night turn"
				01/02/2016, 21:01 - Alice added Bob
				01/02/2016, 21:05 - Alice: Briefing at 22:00
				01/02/2016, 21:06 - Bob: On my way
				02/02/2016, 01:16 - Bob: <Media omitted>
				03/02/2016, 09:30 - Carol: morning all
				""";
		for (Spoil spoil : spoils("WHATSAPP")) {
			Path file = temp.resolve("chat-" + spoil.name() + ".txt");
			expectReadOrRefused(file, spoil.name(), spoil.apply(file, lines), () -> WhatsAppReader
				.read(new WhatsAppReader.Settings(file, "Night turn", null, ZoneId.of("Europe/London"), null, 10)));
		}
		assertThat(outcomes).hasSizeGreaterThan(20);
	}

	@Test
	void csvBundles() throws IOException {
		Path original = Files.createDirectories(temp.resolve("original"));
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 1, original);
		for (String table : List.of("people.csv", "memberships.csv", "messages.csv")) {
			String lines = Files.readString(original.resolve(table));
			for (Spoil spoil : spoils("CSV")) {
				Path bundle = Files.createDirectories(temp.resolve("bundle-" + table + "-" + spoil.name()));
				try (var files = Files.list(original)) {
					for (Path file : files.toList()) {
						Files.copy(file, bundle.resolve(file.getFileName()));
					}
				}
				Path file = bundle.resolve(table);
				expectReadOrRefused(file, spoil.name(), spoil.apply(file, lines),
						() -> CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000)));
			}
		}
		assertThat(outcomes).hasSizeGreaterThan(60);
	}

	@Test
	void jsonExports() throws IOException {
		String lines = """
				{"format": "casegraph-json/1",
				"nodes": [
				{"id": "person:x", "labels": ["Person"], "properties": {"name": "X", "synthetic": true}},
				{"id": "person:y", "labels": ["Person"], "properties": {"name": "Y", "synthetic": true}},
				{"id": "unit:z", "labels": ["Unit"], "properties": {"name": "Z", "synthetic": true}}
				],
				"relationships": [
				{"type": "KNOWS", "from": "person:x", "to": "person:y", "properties": {}}
				]}
				""";
		for (Spoil spoil : spoils("JSON")) {
			Path file = temp.resolve("export-" + spoil.name() + ".json");
			expectReadOrRefused(file, spoil.name(), spoil.apply(file, lines), () -> JsonGraphReader.read(file, 10));
		}
		assertThat(outcomes).hasSizeGreaterThan(20);
	}

	private void expectReadOrRefused(Path file, String name, Spoiled spoiled, Runnable read) {
		try {
			read.run();
			outcomes.add(name + ": read");
			assertThat(spoiled.mustRefuse()).as("%s was read, though spoiled", name).isFalse();
		}
		catch (InputException ex) {
			outcomes.add(name + ": " + ex.getMessage());
			String message = ex.getMessage();
			assertThat(message).as(name)
				.contains(file.getFileName().toString())
				.doesNotContain("Exception")
				.doesNotContain("java.")
				.doesNotContain("\tat ")
				.doesNotContain("VALUE_")
				.doesNotContain("Source:")
				.doesNotContain("Feature")
				.doesNotContain("(code ")
				.hasSizeLessThan(2_000);
			if (spoiled.line() > 0) {
				Matcher where = WHERE.matcher(message);
				assertThat(where.find()).as("%s names no line: %s", name, message).isTrue();
				assertThat(Long.parseLong(where.group(2))).as(name + ": " + message).isEqualTo(spoiled.line());
			}
		}
	}

	/** The ways to spoil a file of lines, each at a line picked from the seed. */
	private List<Spoil> spoils(String kind) {
		List<Spoil> spoils = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			int percent = i * 23;
			spoils.add(wholeSpoil("truncated-" + percent, false, text -> {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				return Arrays.copyOf(bytes, bytes.length * percent / 100);
			}));
		}
		for (int i = 0; i < 3; i++) {
			spoils.add(lineSpoil("latin1-" + i, true, true, line -> line + "é"));
			spoils.add(lineSpoil("binary-" + i, true, true, line -> line + "\u0000\u0001\u0002"));
			spoils.add(lineSpoil("enormous-" + i, true, false, line -> line + "x".repeat(3_000_000)));
			spoils.add(lineSpoil("bad-date-" + i, true, false,
					line -> line.replaceFirst("\\d{4}-\\d{2}-\\d{2}|\\b1[45]\\d{8}\\b", "2016-02-30")
						.replaceFirst("^\\d{2}/\\d{2}/\\d{4}", "31/02/2016")));
			spoils.add(lineSpoil("more-fields-" + i, kind.equals("CSV") || kind.equals("SNAP"),
					kind.equals("CSV") || kind.equals("SNAP"),
					line -> line + (kind.equals("CSV") ? ",extra,fields" : " 7 8 9")));
			spoils.add(lineSpoil("fewer-fields-" + i, kind.equals("CSV"), kind.equals("CSV"),
					line -> line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : line));
		}
		spoils.add(wholeSpoil("mixed-line-ends", false,
				text -> text.replaceFirst("\n", "\r\n")
					.replaceFirst("\n(?=[^\n]*\n[^\n]*$)", "\r")
					.getBytes(StandardCharsets.UTF_8)));
		spoils.add(wholeSpoil("crlf", false, text -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
		spoils.add(wholeSpoil("utf16", false, text -> text.getBytes(StandardCharsets.UTF_16)));
		spoils.add(wholeSpoil("empty", true, text -> new byte[0]));
		spoils.add(wholeSpoil("only-junk", true,
				text -> new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xFF, (byte) 0xFE }));
		return spoils;
	}

	/**
	 * A spoil of the whole text, refused naming any line or none when {@code refused}.
	 */
	private static Spoil wholeSpoil(String name, boolean refused, Function<String, byte[]> change) {
		return new Spoil(name, text -> new Spoiled(change.apply(text), 0, refused));
	}

	/**
	 * A spoil of one line (not the first, which may be a header), which must be refused
	 * when {@code refused} is set and the line changed, naming that line when
	 * {@code namesLine} is set too.
	 */
	private Spoil lineSpoil(String name, boolean refused, boolean namesLine, Function<String, String> change) {
		int pick = random.nextInt(1_000);
		return new Spoil(name, text -> {
			List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
			int last = lines.getLast().isEmpty() ? lines.size() - 2 : lines.size() - 1;
			int index = 1 + pick % Math.max(1, last);
			// A CSV bundle's lines end in CRLF: the change goes before the CR.
			String original = lines.get(index);
			String end = original.endsWith("\r") ? "\r" : "";
			String changed = change.apply(original.substring(0, original.length() - end.length())) + end;
			boolean same = changed.equals(original);
			// The spoiled line alone in Latin-1 for that spoil, the rest UTF-8.
			String before = String.join("\n", lines.subList(0, index)) + "\n";
			String after = (index + 1 < lines.size()) ? "\n" + String.join("\n", lines.subList(index + 1, lines.size()))
					: "";
			byte[] bytes = concat(before.getBytes(StandardCharsets.UTF_8),
					changed.getBytes(name.startsWith("latin1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8),
					after.getBytes(StandardCharsets.UTF_8));
			return new Spoiled(bytes, (namesLine && !same) ? index + 1 : 0, refused && !same);
		});
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/**
	 * One way of spoiling a file.
	 *
	 * @param name what it does
	 * @param change the spoiled file made from the good one's text
	 */
	private record Spoil(String name, Function<String, Spoiled> change) {

		Spoiled apply(Path file, String text) throws IOException {
			Spoiled spoiled = change.apply(text);
			Files.write(file, spoiled.bytes());
			return spoiled;
		}

	}

	/**
	 * A spoiled file.
	 *
	 * @param bytes its contents
	 * @param line the line an error must name (0: any or none)
	 * @param mustRefuse whether reading it must fail
	 */
	private record Spoiled(byte[] bytes, long line, boolean mustRefuse) {
	}

}
