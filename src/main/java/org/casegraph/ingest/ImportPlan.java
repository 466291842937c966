package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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
record ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected, List<String> notes,
		Map<String, String> requires) {

	ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected, List<String> notes) {
		this(name, fingerprint, batches, rejected, notes, Map.of());
	}

	long rows() {
		return batches.stream().mapToLong(batch -> batch.size()).sum();
	}

	/** A digest of the files and the options that shape the import. */
	static String fingerprint(String options, List<Path> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(options.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			for (Path file : files) {
				digest.update(Files.readAllBytes(file));
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

}
