package org.casegraph.security;

/**
 * A request the caller's role does not allow, or one that needs a justification it did
 * not carry; reported as FORBIDDEN naming what was refused, never whether a record
 * exists.
 */
public class ForbiddenException extends RuntimeException {

	private final String code;

	public ForbiddenException(String message) {
		this(message, null);
	}

	public ForbiddenException(String message, String code) {
		super(message);
		this.code = code;
	}

	/** A machine-readable reason, such as JUSTIFICATION_REQUIRED, or null. */
	public String code() {
		return code;
	}

}
