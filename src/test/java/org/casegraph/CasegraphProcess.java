package org.casegraph;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casegraph.cli.CommandLineInterface;

/**
 * casegraph's main class in a JVM of its own, as a user runs it, for the tests that stop
 * it hard (kill -9) and start it again on the same data directory.
 */
public final class CasegraphProcess {

	private CasegraphProcess() {
	}

	/**
	 * Starts {@code casegraph <args>} with this test run's class path, its output to
	 * {@code log}.
	 * @param maxHeap the JVM's -Xmx, e.g. 1g
	 * @param environment variables to set (settings as CASEGRAPH_...)
	 */
	public static Process start(List<String> args, Path log, String maxHeap, Map<String, String> environment)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx" + maxHeap,
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
						"-cp", System.getProperty("java.class.path"), CommandLineInterface.class.getName()));
		command.addAll(args);
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		process.environment().putAll(environment);
		return process.start();
	}

	/** Waits until a server started by {@link #start} says it has started. */
	public static void awaitStarted(Process process, Path log) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			String output = Files.exists(log) ? Files.readString(log) : "";
			if (output.contains("Started CasegraphApplication")) {
				return;
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("Server exited during startup:\n" + output);
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Server did not start within 3 minutes:\n" + Files.readString(log));
	}

	/** A port nothing listens on now. */
	public static int freePort() throws IOException {
		return freePorts(1)[0];
	}

	/**
	 * Ports nothing listens on now, each a different one: each is held until all are
	 * found, as the system may hand a port just let go to the next ask.
	 */
	public static int[] freePorts(int count) throws IOException {
		List<ServerSocket> held = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				held.add(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
			}
			return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
		}
		finally {
			for (ServerSocket socket : held) {
				socket.close();
			}
		}
	}

}
