package org.casegraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validated input, ready to write: batches in the order they must be written (what
 * relationships point at comes first), each written in one transaction.
 *
 * @param name what is imported, for the journal and the summary
 * @param fingerprint identifies this exact input (files and options): a rerun of an
 * interrupted import resumes
 * @param batches the writes, in order
 * @param rejected rows left out as invalid (with --skip-invalid)
 * @param notes what the summary should say besides the counts
 * @param requires ids the input refers to that must already be in the graph, with where
 * each is named
 */
record ImportPlan(String name, String fingerprint, Batches batches, WriteCounts rejected, List<String> notes,
		Map<String, String> requires) {

	ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected, List<String> notes) {
		this(name, fingerprint, Batches.of(batches), rejected, notes, Map.of());
	}

	ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected, List<String> notes,
			Map<String, String> requires) {
		this(name, fingerprint, Batches.of(batches), rejected, notes, requires);
	}

	long rows() {
		return batches.rows();
	}

	/**
	 * Refuses the input when any of the ids it requires is {@code missing} from the
	 * graph, naming where the first is referred to.
	 */
	void requireResolved(List<String> missing) {
		if (missing.isEmpty()) {
			return;
		}
		String first = missing.getFirst();
		throw new InputException(requires.get(first) + "'" + first + "' is neither in the input nor in the graph"
				+ ((missing.size() > 1) ? " (and " + (missing.size() - 1) + " more)" : ""));
	}

	/** A digest of the files and the options that shape the import. */
	static String fingerprint(String options, List<Path> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(options.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] buffer = new byte[1 << 16];
			for (Path file : files) {
				try (InputStream in = Files.newInputStream(file)) {
					for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
						digest.update(buffer, 0, read);
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The writes, in order. Large inputs are not held in memory: each stream reads them
	 * again.
	 */
	interface Batches {

		/** How many batches, so that the journal can say how far an import got. */
		int count();

		/** Rows in all, for progress. */
		long rows();

		Stream<GraphBatch> stream();

		static Batches of(List<GraphBatch> batches) {
			List<GraphBatch> copy = List.copyOf(batches);
			long rows = copy.stream().mapToLong(GraphBatch::size).sum();
			return new Batches() {

				@Override
				public int count() {
					return copy.size();
				}

				@Override
				public long rows() {
					return rows;
				}

				@Override
				public Stream<GraphBatch> stream() {
					return copy.stream();
				}

			};
		}

	}

}
