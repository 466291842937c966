package org.casegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job started by {@link NewJvm} runs in another process, with this JVM's options, and
 * under a test runner from the class path (the runner's jar is not casegraph's).
 */
class NewJvmTests {

	@TempDir
	Path temp;

	@Test
	void theJobRunsInAnotherProcessWithThisJvmsOptions() throws IOException, InterruptedException {
		Path written = temp.resolve("written");

		int exit = NewJvm.run(WritesWhereItRan.class, List.of("bench", "never-asked"), List.of(written.toString()));

		assertThat(exit).isZero();
		String[] ran = Files.readString(written).split(" ");
		assertThat(Long.parseLong(ran[0])).isNotEqualTo(ProcessHandle.current().pid());
		assertThat(Long.parseLong(ran[1])).as("the heap's limit, as -Xmx gave it")
			.isEqualTo(Runtime.getRuntime().maxMemory());
	}

	@Test
	void underATestRunnerTheMainRunsFromTheClassPath() {
		List<String> command = NewJvm.command(WritesWhereItRan.class, List.of("bench", "never-asked"),
				List.of("an-arg"));

		assertThat(command).doesNotContain("-jar", "never-asked")
			.containsSubsequence("-cp", System.getProperty("java.class.path"), WritesWhereItRan.class.getName(),
					"an-arg");
	}

	/** Writes its process id and its heap's limit to the file its one argument names. */
	public static final class WritesWhereItRan {

		public static void main(String[] args) throws IOException {
			Files.writeString(Path.of(args[0]), ProcessHandle.current().pid() + " " + Runtime.getRuntime().maxMemory());
		}

	}

}
