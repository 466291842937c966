package org.casegraph.cli;

import java.util.List;

import org.casegraph.audit.AuditLog;
import picocli.CommandLine.Model.CommandSpec;

import org.springframework.context.ApplicationContext;

/**
 * A command that reads or writes case data leaves an entry in the audit trail, as a
 * request to the server does; it is written before the command gives anything out, and a
 * trail that cannot be written stops the command.
 */
final class JobAudit {

	private JobAudit() {
	}

	static void record(ApplicationContext context, CommandSpec spec, long startedNanos) {
		List<String> arguments = spec.commandLine().getParseResult().originalArgs();
		context.getBean(AuditLog.class)
			.record(AuditLog.Request.commandLine(spec.qualifiedName(), arguments, "success", 0,
					(System.nanoTime() - startedNanos) / 1_000_000));
	}

}
