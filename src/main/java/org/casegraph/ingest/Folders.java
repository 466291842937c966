package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working folders that a job empties before use and removes after. */
final class Folders {

	private Folders() {
	}

	/** An empty folder at {@code dir}, whatever was there; returns its absolute path. */
	static Path recreate(Path dir) {
		delete(dir);
		try {
			return Files.createDirectories(dir).toAbsolutePath().normalize();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes {@code dir} and everything in it, if it is there. */
	static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
