package org.casegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.casegraph.export.JsonGraphFormat;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: the graph as JSON that {@code import json} reads back into the same
 * graph.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = { "Write the graph as JSON (casegraph-json/1), one node or relationship per line.",
				"`import json` reads it back; the who-messaged-whom aggregate is derived again on import." })
public class ExportCommand implements Callable<Integer> {

	@Mixin
	DatabaseOptions database;

	@Spec
	CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON file to write.")
	Path out;

	@Option(names = "--redact", description = { "Write each sensitive field (casegraph.security.redaction.fields) "
			+ "as the placeholder, as a viewer would see it: an export to share." })
	boolean redact;

	@Override
	public Integer call() {
		long started = System.nanoTime();
		try (var context = Jobs.start(database)) {
			JobAudit.record(context, spec, started);
			JsonGraphFormat.Written written = context.getBean(JsonGraphFormat.class).export(out, redact);
			System.out.printf("Wrote %,d nodes, %,d relationships and %,d pieces of case work to %s%n", written.nodes(),
					written.relationships(), written.caseWork(), out);
			return 0;
		}
	}

}
