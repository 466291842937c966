package org.casegraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.casegraph.ingest.read.TextFile;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.terms.TermList;
import org.casegraph.terms.TermListFile;
import org.casegraph.terms.TermLists;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terms}: term lists, saved from a file or listed. */
@Command(name = "terms", mixinStandardHelpOptions = true, description = "Term lists for termHits and term-flags.",
		subcommands = { TermsCommand.Load.class, TermsCommand.ListVersions.class })
class TermsCommand {

	@Command(name = "load", mixinStandardHelpOptions = true,
			description = { "Save a file as the next version of a term list.",
					"One term per line: a word or phrase (whole words, any case), or /a regular expression/; "
							+ "lines starting with # are comments." })
	static class Load implements Callable<Integer> {

		@Mixin
		DatabaseOptions database;

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "FILE", description = "The term list file (UTF-8).")
		Path file;

		@Option(names = "--name", required = true, description = "The list's name: lower case, digits and dashes.")
		String name;

		@Option(names = "--note", description = "Why this version.")
		String note;

		@Override
		public Integer call() {
			long started = System.nanoTime();
			List<TermList.Term> terms = TermListFile.parse(file.toString(), name, TextFile.read(file).lines());
			try (var context = Jobs.start(database)) {
				JobAudit.record(context, spec, started);
				TermList saved = context.getBean(TermLists.class)
					.save(name, terms, note, System.getProperty("user.name"));
				System.out.printf("Saved term list %s version %d (%d terms)%n", saved.name(), saved.version(),
						saved.terms().size());
				return 0;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Every version of every term list.")
	static class ListVersions implements Callable<Integer> {

		@Mixin
		DatabaseOptions database;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			long started = System.nanoTime();
			try (var context = Jobs.start(database)) {
				JobAudit.record(context, spec, started);
				for (TermList list : context.getBean(TermLists.class).all(null)) {
					System.out.printf("%s v%d  %d terms  %s by %s%s%n", list.name(), list.version(),
							list.terms().size(), list.createdAt(), list.createdBy(),
							list.note() == null ? "" : "  " + list.note());
				}
				return 0;
			}
		}

	}

}
