package org.casegraph.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A job of this program started in a new JVM: the same Java with this JVM's options, and
 * its output where this one's goes. A measurement run there starts cold, as a user's
 * command does, on no code another measurement compiled.
 */
final class NewJvm {

	private NewJvm() {
	}

	/**
	 * Runs the job in a new JVM and waits for its exit status: {@code jarCommand} then
	 * {@code args} on the command line of this program's jar where this JVM was started
	 * with {@code -jar}, otherwise {@code main} with {@code args} on this JVM's class
	 * path.
	 */
	static int run(Class<?> main, List<String> jarCommand, List<String> args) throws InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command(main, jarCommand, args)).inheritIO().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return process.waitFor();
		}
		finally {
			process.destroy();
		}
	}

	static List<String> command(Class<?> main, List<String> jarCommand, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(NewJvm::passedOn)
			.forEach(command::add);
		String classPath = System.getProperty("java.class.path");
		// Started as a jar, it starts as one again: the jar's manifest opens java.nio to
		// Neo4j's page cache, where --add-opens on a class path start would make the JVM
		// refuse a start cache (bin/casegraph's) mapped without it.
		if (startedAsThisProgramsJar(classPath)) {
			command.add("-jar");
			command.add(classPath);
			command.addAll(jarCommand);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(main.getName());
		}
		command.addAll(args);
		return command;
	}

	/**
	 * Whether the new JVMs map an ahead-of-time cache (bin/casegraph's start cache),
	 * which makes a cold import shorter: a figure is read with it.
	 */
	static boolean withStartCache() {
		return ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.anyMatch(option -> option.startsWith("-XX:AOTCache=") || option.startsWith("-XX:SharedArchiveFile="));
	}

	/**
	 * A recording, a debugger's port or a cache being written belongs to this JVM alone:
	 * two JVMs cannot share them.
	 */
	private static boolean passedOn(String option) {
		return !option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-agentlib:jdwp")
				&& !option.startsWith("-XX:AOTCacheOutput");
	}

	/**
	 * Whether this JVM ran {@code java -jar} on casegraph's own jar (Spring Boot's, or
	 * the one extracted from it), not on another's such as a test runner's.
	 */
	private static boolean startedAsThisProgramsJar(String classPath) {
		String started = System.getProperty("sun.java.command", "");
		if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator) || !started.startsWith(classPath)) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			Manifest manifest = jar.getManifest();
			if (manifest == null) {
				return false;
			}
			Attributes attributes = manifest.getMainAttributes();
			String main = attributes.getValue("Start-Class") != null ? attributes.getValue("Start-Class")
					: attributes.getValue(Attributes.Name.MAIN_CLASS);
			return main != null && main.startsWith("org.casegraph.");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
