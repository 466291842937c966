package org.casegraph.report;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casegraph.ingest.EmailEuCore;
import org.casegraph.ingest.ImportIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reports on email-Eu-core, checked against figures worked out from the files alone.
 */
class EmailEuCoreReportsIntegrationTests extends ImportIntegrationTests {

	private static final String PREFIX = "person:email-Eu-core:";

	@Autowired
	ReportRunner reports;

	@BeforeEach
	void importEmailEuCore() {
		importer.run(EmailEuCore.plan(), quiet());
	}

	@Test
	void communitiesVsUnitsScoresTheSameAsTheFilesDo() throws IOException {
		ReportResult result = reports.runWithJson("communities-vs-units",
				Map.of("idPrefix", PREFIX, "onlyDiffering", false));
		Map<String, String> departments = departments();
		Map<String, String> communities = new HashMap<>();
		for (List<Object> row : result.rows()) {
			String person = ((String) row.get(0)).substring(PREFIX.length());
			communities.put(person, String.valueOf(row.get(3)));
			assertThat(row.get(2)).isEqualTo("Department " + departments.get(person));
		}

		assertThat(communities.keySet()).isEqualTo(departments.keySet());
		double nmi = ((Number) result.summary().get("nmi")).doubleValue();
		assertThat(nmi).isCloseTo(normalisedMutualInformation(departments, communities), within(1e-9));
		assertThat(nmi).isBetween(0.3, 1.0);
		assertThat(result.summary()).containsEntry("units", 42L).containsEntry("people", 1005);
	}

	@Test
	void theContactMatrixCountsTheLinksBetweenDepartments() throws IOException {
		Map<String, String> departments = departments();
		Map<String, Long> expected = new HashMap<>();
		for (String line : Files.readAllLines(EmailEuCore.EDGES)) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 2 && !fields[0].equals(fields[1])) {
				expected.merge(
						"Department " + departments.get(fields[0]) + " -> Department " + departments.get(fields[1]), 1L,
						Long::sum);
			}
		}
		Map<String, Long> found = new HashMap<>();
		reports.runWithJson("contact-matrix", Map.of())
			.rows()
			.stream()
			.filter(row -> ((String) row.get(0)).startsWith("Department "))
			.forEach(row -> found.put(row.get(0) + " -> " + row.get(1), (Long) row.get(2)));
		assertThat(found).isEqualTo(expected);
	}

	private static Map<String, String> departments() throws IOException {
		Map<String, String> departments = new HashMap<>();
		for (String line : Files.readAllLines(EmailEuCore.LABELS)) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length == 2) {
				departments.put(fields[0], fields[1]);
			}
		}
		return departments;
	}

	/** NMI = 2 I(X;Y) / (H(X) + H(Y)), in bits, from the contingency table. */
	private static double normalisedMutualInformation(Map<String, String> x, Map<String, String> y) {
		double n = x.size();
		Map<String, Map<String, Integer>> table = new HashMap<>();
		Map<String, Integer> rows = new HashMap<>();
		Map<String, Integer> columns = new HashMap<>();
		for (String key : x.keySet()) {
			table.computeIfAbsent(x.get(key), k -> new HashMap<>()).merge(y.get(key), 1, Integer::sum);
			rows.merge(x.get(key), 1, Integer::sum);
			columns.merge(y.get(key), 1, Integer::sum);
		}
		double information = 0;
		for (var row : table.entrySet()) {
			for (var cell : row.getValue().entrySet()) {
				double joint = cell.getValue() / n;
				information += joint
						* log2(joint * n * n / (rows.get(row.getKey()) * (double) columns.get(cell.getKey())));
			}
		}
		double hx = rows.values().stream().mapToDouble(c -> -(c / n) * log2(c / n)).sum();
		double hy = columns.values().stream().mapToDouble(c -> -(c / n) * log2(c / n)).sum();
		return 2 * information / (hx + hy);
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
