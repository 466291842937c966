package org.casegraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.casegraph.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit}: the audit trail, read from its files without starting the database. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail.",
		subcommands = { AuditCommand.Verify.class })
class AuditCommand {

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Check the audit trail's chain: every entry as written, in order, none missing.",
					"Exit status 0 when intact; 1 naming the first bad sequence number." })
	static class Verify implements Callable<Integer> {

		@Option(names = "--directory", paramLabel = "DIR",
				description = "The audit directory (casegraph.audit.directory; default ${DEFAULT-VALUE}).",
				defaultValue = "${env:CASEGRAPH_AUDIT_DIRECTORY:-./audit}")
		Path directory;

		@Override
		public Integer call() throws IOException {
			AuditTrail.Verification verification = AuditTrail.verify(directory);
			if (verification.intact()) {
				System.out.println("Audit trail in " + directory + " is " + verification.message());
				return 0;
			}
			System.out.println("Audit trail in " + directory + " is broken at sequence number "
					+ verification.firstBad() + ": " + verification.message());
			return JobFailures.EXIT_FAILED;
		}

	}

}
