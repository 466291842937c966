package org.casegraph.audit;

/**
 * The audit trail cannot be written: the request it would record must not be answered.
 */
public class AuditUnavailableException extends RuntimeException {

	public AuditUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
