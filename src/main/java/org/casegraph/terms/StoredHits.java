package org.casegraph.terms;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A version's messages hit as the store keeps them ({@code TermListHits.hits}): one byte
 * array read in one go, rather than a node per message hit, which would cost a read per
 * message again. It holds the counts over all of them first, then each message hit,
 * oldest first, with what a request counts and shows without its body: id, time, day and
 * month, sender, the sender's units on the day, and each span with the words it cut out.
 * Senders, units and months are written once each and referred to by number. A request
 * for everyone's hits reads the counts and the messages it shows, and no more.
 * <p>
 * Hits written in another format, or for other terms, are not read: they are worked out
 * again.
 */
final class StoredHits {

	private static final int FORMAT = 1;

	private final ByteBuffer bytes;

	private final TermList list;

	private final String[] names;

	private final TermHits.Counts counts;

	/** Where the first message hit starts. */
	private final int messages;

	private volatile List<TermHits.Candidate> all;

	private StoredHits(ByteBuffer bytes, TermList list, String[] names, TermHits.Counts counts) {
		this.bytes = bytes;
		this.list = list;
		this.names = names;
		this.counts = counts;
		this.messages = bytes.position();
	}

	static byte[] encode(List<TermHits.Candidate> hit, TermHits.Counts counts) {
		Map<String, Integer> numbers = new HashMap<>();
		List<String> table = new ArrayList<>();
		for (List<TermHits.KeyCount> keys : List.of(counts.people(), counts.units(), counts.months())) {
			keys.forEach(key -> number(numbers, table, key.key()));
		}
		for (TermHits.Candidate candidate : hit) {
			number(numbers, table, candidate.sender());
			candidate.units().forEach(unit -> number(numbers, table, unit));
		}
		ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * hit.size() + 1024);
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeInt(FORMAT);
			out.writeInt(table.size());
			for (String name : table) {
				write(out, name);
			}
			write(out, counts, numbers);
			out.writeInt(hit.size());
			for (TermHits.Candidate candidate : hit) {
				write(out, candidate, numbers);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	/**
	 * The hits as written, their counts read; null when written in another format or for
	 * a list of another length.
	 */
	static StoredHits of(byte[] stored, TermList list) {
		ByteBuffer in = ByteBuffer.wrap(stored);
		try {
			if (in.getInt() != FORMAT) {
				return null;
			}
			String[] names = new String[in.getInt()];
			for (int i = 0; i < names.length; i++) {
				names[i] = string(in);
			}
			TermHits.Counts counts = counts(in, names, list);
			return counts == null ? null : new StoredHits(in, list, names, counts);
		}
		catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException ex) {
			return null;
		}
	}

	TermHits.Counts counts() {
		return counts;
	}

	/** The first {@code n} messages hit, oldest first, read from the bytes alone. */
	List<TermHits.Candidate> first(int n) {
		List<TermHits.Candidate> read = all;
		if (read != null) {
			return read.subList(0, Math.min(n, read.size()));
		}
		return read(Math.min(n, (int) counts.messages()));
	}

	/** Every message hit, oldest first, read once. */
	List<TermHits.Candidate> all() {
		List<TermHits.Candidate> read = all;
		if (read == null) {
			read = read((int) counts.messages());
			all = read;
		}
		return read;
	}

	private List<TermHits.Candidate> read(int n) {
		ByteBuffer in = bytes.duplicate().position(messages);
		in.getInt();
		List<TermHits.Candidate> hit = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			hit.add(candidate(in));
		}
		return List.copyOf(hit);
	}

	private static void write(DataOutputStream out, TermHits.Counts counts, Map<String, Integer> numbers)
			throws IOException {
		out.writeLong(counts.messages());
		out.writeLong(counts.hits());
		out.writeInt(counts.terms().size());
		for (TermHits.TermCount term : counts.terms()) {
			out.writeLong(term.messages());
			out.writeLong(term.hits());
		}
		for (List<TermHits.KeyCount> keys : List.of(counts.people(), counts.units(), counts.months())) {
			out.writeInt(keys.size());
			for (TermHits.KeyCount key : keys) {
				out.writeInt(numbers.get(key.key()));
				out.writeLong(key.messages());
				out.writeLong(key.hits());
			}
		}
	}

	private static TermHits.Counts counts(ByteBuffer in, String[] names, TermList list) {
		long messages = in.getLong();
		long hits = in.getLong();
		int terms = in.getInt();
		if (terms != list.terms().size()) {
			return null;
		}
		List<TermHits.TermCount> perTerm = new ArrayList<>(terms);
		for (TermList.Term term : list.terms()) {
			perTerm.add(new TermHits.TermCount(term.text(), term.regex(), in.getLong(), in.getLong()));
		}
		List<List<TermHits.KeyCount>> keyed = new ArrayList<>(3);
		for (int k = 0; k < 3; k++) {
			TermHits.KeyCount[] keys = new TermHits.KeyCount[in.getInt()];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = new TermHits.KeyCount(names[in.getInt()], in.getLong(), in.getLong());
			}
			keyed.add(List.of(keys));
		}
		return new TermHits.Counts(messages, hits, List.copyOf(perTerm), keyed.get(0), keyed.get(1), keyed.get(2));
	}

	private static void write(DataOutputStream out, TermHits.Candidate candidate, Map<String, Integer> numbers)
			throws IOException {
		write(out, candidate.id());
		out.writeBoolean(candidate.instant() != null);
		if (candidate.instant() != null) {
			out.writeLong(candidate.instant().getEpochSecond());
			out.writeInt(candidate.instant().getNano());
			out.writeLong(candidate.day().toEpochDay());
			out.writeInt(candidate.month());
		}
		out.writeInt(numbers.get(candidate.sender()));
		out.writeInt(candidate.units().size());
		for (String unit : candidate.units()) {
			out.writeInt(numbers.get(unit));
		}
		out.writeInt(candidate.hits().size());
		for (int i = 0; i < candidate.hits().size(); i++) {
			TermMatcher.Hit one = candidate.hits().get(i);
			out.writeInt(one.term());
			out.writeInt(one.start());
			out.writeInt(one.end());
			write(out, candidate.spans().get(i).text());
		}
	}

	private TermHits.Candidate candidate(ByteBuffer in) {
		String id = string(in);
		Instant instant = null;
		LocalDate day = null;
		int month = TermHits.Candidate.NO_MONTH;
		if (in.get() != 0) {
			instant = Instant.ofEpochSecond(in.getLong(), in.getInt());
			day = LocalDate.ofEpochDay(in.getLong());
			month = in.getInt();
		}
		String sender = names[in.getInt()];
		String[] units = new String[in.getInt()];
		for (int u = 0; u < units.length; u++) {
			units[u] = names[in.getInt()];
		}
		int count = in.getInt();
		List<TermMatcher.Hit> hits = new ArrayList<>(count);
		List<TermHits.Span> spans = new ArrayList<>(count);
		for (int h = 0; h < count; h++) {
			int term = in.getInt();
			int start = in.getInt();
			int end = in.getInt();
			String text = list.terms().get(term).text();
			hits.add(new TermMatcher.Hit(term, text, start, end));
			spans.add(new TermHits.Span(text, start, end, string(in)));
		}
		return new TermHits.Candidate(id, instant, day, month, sender, List.copyOf(hits), List.copyOf(spans),
				List.of(units));
	}

	private static void number(Map<String, Integer> numbers, List<String> table, String name) {
		if (numbers.putIfAbsent(name, table.size()) == null) {
			table.add(name);
		}
	}

	private static void write(DataOutputStream out, String text) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String string(ByteBuffer in) {
		int length = in.getInt();
		String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
		in.position(in.position() + length);
		return text;
	}

}
