package org.casegraph.report;

/**
 * A report that cannot be read or run as asked: a malformed file (with its file and
 * line), an unknown report, a missing or wrongly typed parameter, a database without
 * Graph Data Science.
 */
public class ReportException extends RuntimeException {

	public ReportException(String message) {
		super(message);
	}

	public ReportException(String message, Throwable cause) {
		super(message, cause);
	}

}
