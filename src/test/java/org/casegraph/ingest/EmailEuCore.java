package org.casegraph.ingest;

import java.nio.file.Path;

import org.casegraph.ingest.read.SnapReader;

/** The real e-mail network the project carries, as the tests import it. */
public final class EmailEuCore {

	public static final Path EDGES = Path.of("datasets/email-eu-core/email-Eu-core.txt");

	public static final Path LABELS = Path.of("datasets/email-eu-core/email-Eu-core-department-labels.txt");

	private EmailEuCore() {
	}

	/** The edges as messages, the department labels as units named "Department N". */
	public static ImportPlan plan() {
		return SnapReader
			.read(new SnapReader.Settings(EDGES, LABELS, "Department ", "email-Eu-core", false, false, 5_000));
	}

}
