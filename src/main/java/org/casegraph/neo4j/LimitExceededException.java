package org.casegraph.neo4j;

/**
 * A request that would exceed a configured limit (a guard rail of
 * {@code casegraph.limits.*}, or a timeout); reported as a LIMIT_EXCEEDED GraphQL error
 * whose extensions name the setting and its value.
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
