package org.casegraph.ingest.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.casegraph.ingest.InputException;

/**
 * Maps the names and numbers a chat export shows to people: a CSV file with a header
 * {@code alias,personId}, one display name or phone number per line.
 */
final class AliasFile {

	private AliasFile() {
	}

	/** Alias to person id. */
	static Map<String, String> read(Path file) {
		return readWithLines(file).entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().personId(), (a, b) -> b,
					LinkedHashMap::new));
	}

	/**
	 * Alias to person id and where the file names it, for errors about ids that are not
	 * in the graph.
	 */
	static Map<String, Alias> readWithLines(Path file) {
		TextFile text = TextFile.read(file);
		Map<String, Alias> aliases = new LinkedHashMap<>();
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.ofCsvRecord(new StringReader(String.join("\n", text.lines())))) {
			List<CsvRecord> records = csv.stream().toList();
			if (records.isEmpty() || !records.getFirst().getFields().equals(List.of("alias", "personId"))) {
				throw new InputException(file, 1, null, "expected the header alias,personId");
			}
			for (CsvRecord record : records.subList(1, records.size())) {
				if (record.getFieldCount() != 2 || record.getField(0).isBlank() || record.getField(1).isBlank()) {
					throw new InputException(file, record.getStartingLineNumber(), null,
							"expected alias,personId with both filled in");
				}
				aliases.put(record.getField(0).strip(), new Alias(record.getField(1).strip(),
						InputException.where(file, record.getStartingLineNumber(), "personId")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return aliases;
	}

	/**
	 * One line of the file.
	 *
	 * @param personId the person the alias stands for
	 * @param where file, line and field, for errors
	 */
	record Alias(String personId, String where) {
	}

}
