package org.casegraph.query;

/**
 * A request that cannot be answered as asked (bad cursor, page size out of range);
 * reported to the client as a BAD_REQUEST GraphQL error naming the argument.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
