package org.casegraph.ingest.read;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.casegraph.ingest.InputException;

/**
 * A text input read strictly: it must exist, hold something, and be UTF-8 (with or
 * without a byte-order mark) without NUL bytes; CRLF or LF line ends, with or without a
 * final newline.
 *
 * @param path the file
 * @param lines its lines, without line ends
 */
public record TextFile(Path path, List<String> lines) {

	/**
	 * The longest line any input may have: no export or bundle has lines this long, and a
	 * file that does is not what it claims to be (or would exhaust the memory).
	 */
	static final int MAX_LINE = 1_000_000;

	public static TextFile read(Path path) {
		byte[] bytes = bytes(path);
		if (bytes.length == 0) {
			throw new InputException(path, "the file is empty");
		}
		String text = decode(path, bytes);
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			throw new InputException(path, lineOf(text, nul), null, "binary data (a NUL byte): not a text file");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).length() > MAX_LINE) {
				throw tooLong(path, i + 1);
			}
		}
		return new TextFile(path, lines);
	}

	private static InputException tooLong(Path path, long line) {
		return new InputException(path, line, null,
				"a line longer than %,d characters: not a text export".formatted(MAX_LINE));
	}

	/**
	 * The same checks while streaming, for inputs too large to hold: a reader that fails
	 * with file and line on the first invalid byte or NUL, without the byte-order mark,
	 * and that tracks double quotes so a CSV field left open can be reported where it
	 * opened.
	 */
	static Strict stream(Path path) {
		try {
			if (Files.size(path) == 0) {
				throw new InputException(path, "the file is empty");
			}
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			return new Strict(path, new InputStreamReader(Files.newInputStream(path), decoder));
		}
		catch (NoSuchFileException ex) {
			throw new InputException(path, "no such file");
		}
		catch (IOException ex) {
			throw new InputException(path, "cannot be read: " + ex.getMessage());
		}
	}

	/** See {@link TextFile#stream(Path)}. */
	static final class Strict extends Reader {

		private final Path path;

		private final Reader in;

		private long line = 1;

		private boolean started;

		private boolean quoted;

		private long quoteOpenedOn;

		private int lineLength;

		private Strict(Path path, Reader in) {
			this.path = path;
			this.in = in;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int read = decoded(buffer, offset, length);
			if (!started && read > 0) {
				started = true;
				if (buffer[offset] == '\uFEFF') {
					System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
					read--;
				}
			}
			for (int i = offset; i < offset + read; i++) {
				inspect(buffer[i]);
			}
			return read;
		}

		private int decoded(char[] buffer, int offset, int length) throws IOException {
			try {
				return in.read(buffer, offset, length);
			}
			catch (CharacterCodingException ex) {
				throw new InputException(path, lineOfInvalidByte(path), null, "not UTF-8 text (an invalid byte)");
			}
		}

		private void inspect(char c) {
			if (c == '\n') {
				line++;
				lineLength = 0;
				return;
			}
			if (++lineLength > MAX_LINE) {
				throw tooLong(path, line);
			}
			if (c == '\r') {
				return;
			}
			if (c == '\0') {
				throw new InputException(path, line, null, "binary data (a NUL byte): not a text file");
			}
			if (c == '"') {
				quoted = !quoted;
				quoteOpenedOn = quoted ? line : quoteOpenedOn;
			}
		}

		/** The line where a double-quoted field opened and never closed, or 0. */
		long unclosedQuoteLine() {
			return quoted ? quoteOpenedOn : 0;
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

	/**
	 * The decoder reads ahead, so the line it had reached is not where the bad byte is:
	 * decode again, counting lines up to it.
	 */
	private static long lineOfInvalidByte(Path path) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
		ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
		long line = 1;
		try (var channel = Files.newByteChannel(path)) {
			while (channel.read(bytes) >= 0 || bytes.position() > 0) {
				bytes.flip();
				java.nio.charset.CoderResult result = decoder.decode(bytes, chars, false);
				chars.flip();
				line += chars.chars().filter(c -> c == '\n').count();
				chars.clear();
				if (result.isError()) {
					return line;
				}
				bytes.compact();
			}
		}
		return line;
	}

	private static byte[] bytes(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (NoSuchFileException ex) {
			throw new InputException(path, "no such file");
		}
		catch (IOException ex) {
			throw new InputException(path, "cannot be read: " + ex.getMessage());
		}
	}

	private static String decode(Path path, byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			int valid = validPrefix(bytes);
			String before = new String(bytes, 0, valid, StandardCharsets.UTF_8);
			throw new InputException(path, lineOf(before, before.length()), null,
					"not UTF-8 text (invalid byte at offset " + valid + ")");
		}
	}

	private static int validPrefix(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		ByteBuffer in = ByteBuffer.wrap(bytes);
		decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length), true);
		return in.position();
	}

	private static long lineOf(String text, int index) {
		return text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}

}
