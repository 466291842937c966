package org.casegraph.cli;

import java.util.concurrent.Callable;

import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.messaging.CheckReport;
import org.casegraph.messaging.ContactAggregate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check}: verifies what the graph derives from its data (the who-messaged-whom
 * aggregate) against the data.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Verify the who-messaged-whom aggregate against the messages; exit 1 on any difference.")
public class CheckCommand implements Callable<Integer> {

	@Mixin
	DatabaseOptions database;

	@Option(names = "--repair", description = "Rebuild the aggregate from the messages when it differs.")
	boolean repair;

	@Override
	public Integer call() {
		try (var context = Jobs.start(database)) {
			ContactAggregate contacts = context.getBean(ContactAggregate.class);
			if (contacts.rebuildInterrupted()) {
				contacts.rebuild();
			}
			contacts.countPending();
			CheckReport report = contacts.check();
			System.out.println(report);
			if (report.passed() || !repair) {
				return report.passed() ? 0 : 1;
			}
			contacts.rebuild();
			CheckReport after = contacts.check();
			System.out.println("Rebuilt. " + after);
			return after.passed() ? 0 : 1;
		}
	}

}
