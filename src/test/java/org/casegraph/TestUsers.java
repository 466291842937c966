package org.casegraph;

import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Users of {@code users} mode for a test context, all with one password. */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * Registers {@code casegraph.security.users[i]}: each name with its role and the
	 * bcrypt hash of {@code password} (cheap rounds: the hash is checked, not its cost).
	 */
	public static void register(DynamicPropertyRegistry registry, String password, Map<String, String> roleByName) {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
		int i = 0;
		for (Map.Entry<String, String> user : roleByName.entrySet()) {
			String prefix = "casegraph.security.users[" + i++ + "]";
			registry.add(prefix + ".name", user::getKey);
			registry.add(prefix + ".password", () -> hash);
			registry.add(prefix + ".roles", user::getValue);
		}
	}

}
