package org.casegraph.terms;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * A version's messages hit as the store keeps them: two byte arrays, each read in one go,
 * rather than a node per message hit, which would cost a read per message again. The head
 * ({@code TermListHits.hits}) holds the counts over all of them, then the first
 * {@value #IN_HEAD} messages hit, oldest first: all that a request for everyone's hits
 * shows. The rest ({@code TermListHits.rest}) holds the others, read only when a scope, a
 * window or bringing the hits up to date needs them all: at 10,000,000 messages the head
 * is about an eighth of the 10 MB. Each message is written with what a request counts and
 * shows without its body: id, time, day and month, sender, the sender's units on the day,
 * and each span with the words it cut out. Senders, units and months are written once
 * each, in the head, and referred to by number.
 * <p>
 * Both arrays carry the same stamp, made of their checksums, so that a rest read later
 * (by a scope's ask of hits whose head an earlier ask read) is known to go with that
 * head. Hits written in another format, or for other terms, are not read: they are worked
 * out again.
 */
final class StoredHits {

	private static final int FORMAT = 2;

	/** Where each array's stamp is written: after its format. */
	private static final int STAMP_AT = Integer.BYTES;

	/** Messages hit written in the head: as many as a request shows at most. */
	static final int IN_HEAD = TermHits.MAX_FIRST;

	private final ByteBuffer head;

	private final long stamp;

	private final TermList list;

	private final String[] names;

	private final TermHits.Counts counts;

	/** How many messages hit the head holds. */
	private final int inHead;

	/** Where the first message hit starts in the head. */
	private final int messages;

	private volatile List<TermHits.Candidate> all;

	private StoredHits(ByteBuffer head, long stamp, TermList list, String[] names, TermHits.Counts counts, int inHead) {
		this.head = head;
		this.stamp = stamp;
		this.list = list;
		this.names = names;
		this.counts = counts;
		this.inHead = inHead;
		this.messages = head.position();
	}

	/**
	 * The two arrays a version's hits are kept in.
	 *
	 * @param head the counts and the first messages hit
	 * @param rest the other messages hit
	 */
	record Encoded(byte[] head, byte[] rest) {

		/** The stamp both arrays carry. */
		long stamp() {
			return ByteBuffer.wrap(head).getLong(STAMP_AT);
		}

	}

	static Encoded encode(List<TermHits.Candidate> hit, TermHits.Counts counts) {
		Map<String, Integer> numbers = new HashMap<>();
		List<String> table = new ArrayList<>();
		for (List<TermHits.KeyCount> keys : List.of(counts.people(), counts.units(), counts.months())) {
			keys.forEach(key -> number(numbers, table, key.key()));
		}
		// Each message's sender and units by number, looked up once (at 10,000,000
		// messages, 120,000 messages hit from 37,000 senders).
		int[][] referred = new int[hit.size()][];
		for (int i = 0; i < hit.size(); i++) {
			TermHits.Candidate candidate = hit.get(i);
			int[] numbered = new int[1 + candidate.units().size()];
			numbered[0] = number(numbers, table, candidate.sender());
			for (int u = 0; u < candidate.units().size(); u++) {
				numbered[u + 1] = number(numbers, table, candidate.units().get(u));
			}
			referred[i] = numbered;
		}
		int inHead = Math.min(IN_HEAD, hit.size());
		Writer out = new Writer(64 * inHead + 32 * table.size() + 1024);
		Writer more = new Writer(96 * (hit.size() - inHead) + 16);
		out.writeInt(FORMAT);
		out.writeLong(0);
		out.writeInt(table.size());
		for (String name : table) {
			write(out, name);
		}
		write(out, counts, numbers);
		out.writeInt(inHead);
		for (int i = 0; i < inHead; i++) {
			write(out, hit.get(i), referred[i]);
		}
		more.writeInt(FORMAT);
		more.writeLong(0);
		more.writeInt(hit.size() - inHead);
		for (int i = inHead; i < hit.size(); i++) {
			write(more, hit.get(i), referred[i]);
		}
		return stamped(out.toByteArray(), more.toByteArray());
	}

	/**
	 * The two arrays with their stamp written in: the checksums of what each holds after
	 * it, so that the same hits are kept with the same bytes (a store built from the
	 * reference case is the store its seeding writes) and other hits with another stamp.
	 */
	private static Encoded stamped(byte[] head, byte[] rest) {
		long stamp = (checksum(head) << 32) | checksum(rest);
		ByteBuffer.wrap(head).putLong(STAMP_AT, stamp);
		ByteBuffer.wrap(rest).putLong(STAMP_AT, stamp);
		return new Encoded(head, rest);
	}

	private static long checksum(byte[] bytes) {
		CRC32C checksum = new CRC32C();
		checksum.update(bytes, STAMP_AT + Long.BYTES, bytes.length - STAMP_AT - Long.BYTES);
		return checksum.getValue();
	}

	/**
	 * The hits whose head is this, their counts read; null when written in another format
	 * or for a list of another length.
	 */
	static StoredHits of(byte[] head, TermList list) {
		ByteBuffer in = ByteBuffer.wrap(head);
		try {
			if (in.getInt() != FORMAT) {
				return null;
			}
			long stamp = in.getLong();
			String[] names = new String[in.getInt()];
			for (int i = 0; i < names.length; i++) {
				names[i] = string(in);
			}
			TermHits.Counts counts = counts(in, names, list);
			if (counts == null) {
				return null;
			}
			int inHead = in.getInt();
			return new StoredHits(in, stamp, list, names, counts, inHead);
		}
		catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Hits just kept under {@code stamp}, as reading them back would give them, held in
	 * memory as they are: nothing is decoded, and nothing is ever read from their head.
	 */
	static StoredHits held(long stamp, TermList list, TermHits.Counts counts, List<TermHits.Candidate> all) {
		StoredHits held = new StoredHits(ByteBuffer.allocate(0), stamp, list, new String[0], counts, 0);
		held.all = List.copyOf(all);
		return held;
	}

	TermHits.Counts counts() {
		return counts;
	}

	/** The stamp of the arrays these hits were read from. */
	long stamp() {
		return stamp;
	}

	/** Whether every message hit has been read, not only the head. */
	boolean holdsAll() {
		return all != null;
	}

	/** How many messages hit, to bound what is kept in memory. */
	int weight() {
		return (int) Math.min(Integer.MAX_VALUE, counts.messages());
	}

	/**
	 * The first {@code n} messages hit (at most {@link #IN_HEAD}), oldest first, read
	 * from the head alone.
	 */
	List<TermHits.Candidate> first(int n) {
		List<TermHits.Candidate> read = all;
		if (read != null) {
			return read.subList(0, Math.min(n, read.size()));
		}
		return List.copyOf(read(head.duplicate().position(messages), Math.min(n, inHead)));
	}

	/**
	 * Every message hit, oldest first, read once: those after the head from {@code rest}
	 * (its bytes, read only if the head does not hold them all). Null when the rest is
	 * missing or goes with another head (other hits were kept since).
	 */
	List<TermHits.Candidate> all(Supplier<byte[]> rest) {
		List<TermHits.Candidate> read = all;
		if (read != null) {
			return read;
		}
		List<TermHits.Candidate> hit = new ArrayList<>((int) counts.messages());
		hit.addAll(read(head.duplicate().position(messages), inHead));
		if (hit.size() < counts.messages()) {
			List<TermHits.Candidate> others = rest(rest.get());
			if (others == null || hit.size() + others.size() != counts.messages()) {
				return null;
			}
			hit.addAll(others);
		}
		read = List.copyOf(hit);
		all = read;
		return read;
	}

	private List<TermHits.Candidate> rest(byte[] rest) {
		if (rest == null) {
			return null;
		}
		ByteBuffer in = ByteBuffer.wrap(rest);
		try {
			if (in.getInt() != FORMAT || in.getLong() != stamp) {
				return null;
			}
			return read(in, in.getInt());
		}
		catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException ex) {
			return null;
		}
	}

	private List<TermHits.Candidate> read(ByteBuffer in, int n) {
		List<TermHits.Candidate> hit = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			hit.add(candidate(in));
		}
		return hit;
	}

	private static void write(Writer out, TermHits.Counts counts, Map<String, Integer> numbers) {
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

	/**
	 * A message hit, its sender and units by number ({@code referred}: the sender's, then
	 * each unit's in order).
	 */
	private static void write(Writer out, TermHits.Candidate candidate, int[] referred) {
		write(out, candidate.id());
		out.writeBoolean(candidate.instant() != null);
		if (candidate.instant() != null) {
			out.writeLong(candidate.instant().getEpochSecond());
			out.writeInt(candidate.instant().getNano());
			out.writeLong(candidate.day().toEpochDay());
			out.writeInt(candidate.month());
		}
		out.writeInt(referred[0]);
		out.writeInt(candidate.units().size());
		for (int u = 1; u < referred.length; u++) {
			out.writeInt(referred[u]);
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

	/** The name's number, given the next one the first time it is met. */
	private static int number(Map<String, Integer> numbers, List<String> table, String name) {
		Integer known = numbers.putIfAbsent(name, table.size());
		if (known != null) {
			return known;
		}
		table.add(name);
		return table.size() - 1;
	}

	private static void write(Writer out, String text) {
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

	/**
	 * Bytes written in order, big-endian as they are read back: at 10,000,000 messages a
	 * version's 120,000 messages hit are written after each write that changed them, and
	 * a data stream over a byte array stream cost a call and a lock per number.
	 */
	private static final class Writer {

		private ByteBuffer bytes;

		Writer(int capacity) {
			this.bytes = ByteBuffer.allocate(Math.max(capacity, 64));
		}

		void writeInt(int value) {
			room(Integer.BYTES).putInt(value);
		}

		void writeLong(long value) {
			room(Long.BYTES).putLong(value);
		}

		void writeBoolean(boolean value) {
			room(1).put((byte) (value ? 1 : 0));
		}

		void write(byte[] value) {
			room(value.length).put(value);
		}

		byte[] toByteArray() {
			return Arrays.copyOf(bytes.array(), bytes.position());
		}

		private ByteBuffer room(int needed) {
			if (bytes.remaining() < needed) {
				ByteBuffer larger = ByteBuffer.allocate(Math.max(bytes.capacity() * 2, bytes.position() + needed));
				larger.put(bytes.array(), 0, bytes.position());
				bytes = larger;
			}
			return bytes;
		}

	}

}
