package org.casegraph.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use casegraph and what they see.
 *
 * @param mode {@code local} (loopback only, no login), {@code users} (users from
 * configuration, HTTP Basic and a login form) or {@code jwt} (an OAuth2 resource server)
 * @param localRoles the roles of a request from loopback without credentials in
 * {@code local} mode
 * @param users the users of {@code users} mode
 * @param redaction which fields are sensitive
 * @param lockout when repeated failed logins lock an account
 * @param jwt how a token's claims become roles in {@code jwt} mode
 * @param cors which other origins may call the API from a browser
 */
@ConfigurationProperties("casegraph.security")
public record SecuritySettings(@DefaultValue("local") Mode mode, @DefaultValue("admin") List<Role> localRoles,
		@DefaultValue List<User> users, @DefaultValue Redaction redaction, @DefaultValue Lockout lockout,
		@DefaultValue Jwt jwt, @DefaultValue Cors cors) {

	/** How callers are known. */
	public enum Mode {

		LOCAL, USERS, JWT

	}

	/**
	 * A user of {@code users} mode.
	 *
	 * @param name the login name
	 * @param password a {@code {bcrypt}} or {@code {argon2}} hash, never the password
	 * @param roles the roles
	 */
	public record User(String name, String password, List<Role> roles) {
	}

	/**
	 * Sensitive fields.
	 *
	 * @param fields the fields that read as a placeholder without the investigator role,
	 * as {@code Type.field}
	 */
	public record Redaction(@DefaultValue( {
			"Message.body", "Account.handle", "MatchEvidence.detail", "TermSpan.text" }) List<String> fields){
	}

	/**
	 * Repeated failed logins.
	 *
	 * @param attempts failed logins in a row that lock an account
	 * @param duration how long it stays locked
	 */
	public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {
	}

	/**
	 * Roles from a token.
	 *
	 * @param rolesClaim the claim that holds the caller's groups or roles (a list or a
	 * space-separated text)
	 * @param roleMapping each claim value that grants a role, and the role
	 */
	public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue Map<String, Role> roleMapping) {
	}

	/**
	 * Cross-origin requests.
	 *
	 * @param allowedOrigins origins (scheme, host and port) allowed to call the API from
	 * a browser; none by default
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
