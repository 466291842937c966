package org.casegraph.neo4j;

/**
 * A configuration value that stops casegraph from starting; the message names the
 * setting.
 */
public class InvalidSettingException extends RuntimeException {

	private final String setting;

	private final String value;

	private final String action;

	public InvalidSettingException(String setting, Object value, String problem, String action, Throwable cause) {
		super("Setting '%s' (%s): %s".formatted(setting, value, problem), cause);
		this.setting = setting;
		this.value = String.valueOf(value);
		this.action = action;
	}

	public String setting() {
		return setting;
	}

	public String value() {
		return value;
	}

	public String action() {
		return action;
	}

}
