package org.casegraph.bench;

import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench queries --only}: texts are split at commas, but a row's name, which holds
 * commas followed by spaces, stays one text and picks its row.
 */
class QueryBenchOptionsTests {

	private static final List<String> TERM_HITS_ROWS = List.of("termHits, a 20-term list, every message",
			"termHits, a 20-term list, every message, asked for the first time",
			"termHits, a 20-term list, every message, a message it hits edited since its hits were kept",
			"termHits, a 20-term list, every message, its hits not kept in the store");

	@Test
	void aRowsNameAsTheTablePrintsItPicksThatRowAlone() {
		List<String> only = only("termHits, a 20-term list, every message, asked for the first time");

		assertThat(only).containsExactly("termHits, a 20-term list, every message, asked for the first time");
		assertThat(TERM_HITS_ROWS.stream().filter(name -> QueryBench.chosen(name, only)))
			.containsExactly(TERM_HITS_ROWS.get(1));
	}

	@Test
	void textsJoinedByACommaAloneAreSeveralAndEachPicksItsRows() {
		List<String> only = only("1 officer,largest unit, all time,NOT KEPT");

		assertThat(only).containsExactly("1 officer", "largest unit, all time", "NOT KEPT");
		assertThat(QueryBench.chosen("entity page, 1 officer's id (the floor of a request)", only)).isTrue();
		assertThat(QueryBench.chosen("contactNetwork, largest unit, all time, asked for the first time", only))
			.isTrue();
		assertThat(QueryBench.chosen("contactNetwork, largest unit, last 3 months", only)).isFalse();
		assertThat(TERM_HITS_ROWS.stream().filter(name -> QueryBench.chosen(name, only)))
			.containsExactly(TERM_HITS_ROWS.get(3));
	}

	@Test
	void withoutOnlyEveryRowIsPicked() {
		assertThat(TERM_HITS_ROWS).allMatch(name -> QueryBench.chosen(name, null));
	}

	private static List<String> only(String value) {
		QueryBench bench = new QueryBench();
		new CommandLine(bench).parseArgs("--only", value);
		return bench.only;
	}

}
