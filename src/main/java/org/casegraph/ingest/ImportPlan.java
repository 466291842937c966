package org.casegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

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
public record ImportPlan(String name, String fingerprint, Batches batches, WriteCounts rejected, List<String> notes,
		Map<String, String> requires) {

	public ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected,
			List<String> notes) {
		this(name, fingerprint, Batches.of(batches), rejected, notes, Map.of());
	}

	public ImportPlan(String name, String fingerprint, List<GraphBatch> batches, WriteCounts rejected,
			List<String> notes, Map<String, String> requires) {
		this(name, fingerprint, Batches.of(batches), rejected, notes, requires);
	}

	/**
	 * This plan with every message, account and membership naming the exhibit they are
	 * imported from.
	 */
	public ImportPlan stamped(Exhibit exhibit) {
		Batches original = batches;
		Batches stamped = new Batches() {

			@Override
			public int count() {
				return original.count();
			}

			@Override
			public long rows() {
				return original.rows();
			}

			@Override
			public Stream<GraphBatch> stream() {
				return original.stream().map(batch -> batch.stamped(exhibit.id()));
			}

		};
		return new ImportPlan(name, fingerprint, stamped, rejected, notes, requires);
	}

	public long rows() {
		return batches.rows();
	}

	/**
	 * Refuses the input when any of the ids it requires is {@code missing} from the
	 * graph, naming where the first is referred to.
	 */
	public void requireResolved(List<String> missing) {
		if (missing.isEmpty()) {
			return;
		}
		String first = missing.getFirst();
		throw new InputException(requires.get(first) + "'" + first + "' is neither in the input nor in the graph"
				+ ((missing.size() > 1) ? " (and " + (missing.size() - 1) + " more)" : ""));
	}

	/**
	 * A digest (SHA-256) of the files and the options that shape the import: the same
	 * input gives the same journal entry.
	 */
	public static String fingerprint(String options, List<Path> files) {
		MessageDigest digest = DigestUtils.updateDigest(DigestUtils.getSha256Digest(), options);
		try {
			for (Path file : files) {
				DigestUtils.updateDigest(digest, file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Hex.encodeHexString(digest.digest());
	}

	/**
	 * The writes, in order. Large inputs are not held in memory: each stream reads them
	 * again.
	 */
	public interface Batches {

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
