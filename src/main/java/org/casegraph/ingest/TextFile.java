package org.casegraph.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A text input read strictly: it must exist, hold something, and be UTF-8 (with or
 * without a byte-order mark) without NUL bytes; CRLF or LF line ends, with or without a
 * final newline.
 *
 * @param path the file
 * @param lines its lines, without line ends
 */
record TextFile(Path path, List<String> lines) {

	static TextFile read(Path path) {
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
		return new TextFile(path, text.lines().toList());
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
