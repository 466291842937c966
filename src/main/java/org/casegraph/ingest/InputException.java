package org.casegraph.ingest;

import java.nio.file.Path;

/**
 * Input that cannot be imported, with where: file, line and field. Raised before anything
 * is written.
 */
public class InputException extends RuntimeException {

	public InputException(Path file, long line, String field, String problem) {
		super(where(file, line, field) + problem);
	}

	public InputException(String whereAndProblem) {
		super(whereAndProblem);
	}

	public InputException(Path file, String problem) {
		super(file + ": " + problem);
	}

	public static String where(Path file, long line, String field) {
		return file + ":" + line + ": " + ((field != null) ? field + ": " : "");
	}

}
