package org.casegraph.query;

/**
 * A request that would exceed one of the {@link Limits}; reported as a LIMIT_EXCEEDED
 * GraphQL error whose extensions name the setting and its value.
 */
public class LimitExceededException extends RuntimeException {

	private final String setting;

	private final Object limit;

	public LimitExceededException(String setting, Object limit, String message) {
		super(message);
		this.setting = setting;
		this.limit = limit;
	}

	public String setting() {
		return setting;
	}

	public Object limit() {
		return limit;
	}

}
