package org.casegraph.ingest.read;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.casegraph.ingest.Vocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV bundle's columns take their allowed values from the vocabulary. */
class CsvTablesTests {

	@Test
	void everyColumnWithAllowedValuesTakesAVocabulary() {
		Set<Set<String>> vocabularies = new LinkedHashSet<>();
		Vocabulary.all()
			.values()
			.forEach(byProperty -> byProperty.values().forEach(type -> vocabularies.add(Vocabulary.names(type))));
		Map<String, Set<String>> columns = new LinkedHashMap<>();
		CsvTables.ALL.forEach(table -> table.columns()
			.stream()
			.filter(column -> !column.allowed().isEmpty())
			.forEach(column -> columns.put(table.file() + ":" + column.name(), column.allowed())));

		assertThat(columns).containsOnlyKeys("people.csv:status", "accounts.csv:kind", "messages.csv:channel",
				"investigations.csv:mode", "allegations.csv:category", "allegations.csv:status", "outcomes.csv:kind");
		assertThat(columns).allSatisfy((column, allowed) -> assertThat(vocabularies).as(column).contains(allowed));
	}

}
