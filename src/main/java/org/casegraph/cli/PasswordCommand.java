package org.casegraph.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code password}: the hash to put in {@code casegraph.security.users[N].password}, so
 * that a password never has to be written into configuration. Reads the password from the
 * terminal without echoing it, or from standard input.
 */
@Command(name = "password", mixinStandardHelpOptions = true,
		description = { "Print the {bcrypt} (or {argon2}) hash of a password for casegraph.security.users[N].password.",
				"The password is read from the terminal without echo, or from standard input." })
class PasswordCommand implements Callable<Integer> {

	@Option(names = "--argon2", description = "An {argon2} hash instead of {bcrypt}.")
	boolean argon2;

	@Override
	public Integer call() throws IOException {
		String password = read();
		if (password == null || password.isEmpty()) {
			System.err.println("casegraph password: no password given");
			return JobFailures.EXIT_INPUT;
		}
		String hash = argon2 ? "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(password)
				: "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
		System.out.println(hash);
		return 0;
	}

	private static String read() throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("Password: ");
			return (typed == null) ? null : new String(typed);
		}
		return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
	}

}
