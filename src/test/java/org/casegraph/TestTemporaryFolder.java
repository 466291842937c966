package org.casegraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the temporary folder the build gives the tests ({@code java.io.tmpdir}, under
 * {@code target/}) before any test asks it for a file. The tests' databases, audit trails
 * and downloads (several gigabytes over a few runs of the suite) then go where
 * {@code mvn clean} removes them, not into the machine's {@code /tmp}.
 */
public class TestTemporaryFolder implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		try {
			Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
