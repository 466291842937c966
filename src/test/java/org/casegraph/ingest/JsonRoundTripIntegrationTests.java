package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code export} then {@code import json} gives the same graph: exported again, the file
 * is identical, and the who-messaged-whom aggregate derived on import matches the
 * messages.
 */
class JsonRoundTripIntegrationTests extends ImportIntegrationTests {

	@Test
	void anExportImportedIntoAnEmptyGraphExportsTheSame() throws IOException {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 3, bundle);
		importer.run(CsvBundle.read(new CsvBundle.Settings(bundle, false, 1_000)), quiet());
		Path first = temp.resolve("first.json");
		long[] written = JsonGraph.export(driver, first);
		long contactSum = contactCount();

		try (var session = driver.session()) {
			session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume();
		}
		Importer.Result result = importer.run(JsonGraph.read(first, 500), quiet());
		Path second = temp.resolve("second.json");
		JsonGraph.export(driver, second);

		assertThat(written[0]).isPositive();
		assertThat(result.counts().created()).as(result.counts().table()).isEqualTo(written[0] + written[1]);
		assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
		assertThat(Files.readString(first)).contains("{\"datetime\":").contains("{\"date\":");
		assertThat(contactCount()).isEqualTo(contactSum);
		assertThat(contacts.check().passed()).isTrue();
	}

	@Test
	void malformedExportsAreRefusedWithTheLine() throws IOException {
		Path broken = Files.writeString(temp.resolve("broken.json"),
				"{\"format\": \"casegraph-json/1\",\n\"nodes\": [\n{\"id\": \"x\", \"labels\": [\"Person\"]},\n{\"id\": \n");
		assertThatThrownBy(() -> JsonGraph.read(broken, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("broken.json:")
			.hasMessageContaining("not valid JSON");
		Path badDate = Files.writeString(temp.resolve("bad-date.json"), """
				{"format": "casegraph-json/1",
				"nodes": [
				{"id": "p:1", "labels": ["Person"], "properties": {"name": "One"}},
				{"id": "m:1", "labels": ["Membership"], "properties": {"from": {"date": "2016-13-01"}}}
				]}
				""");
		assertThatThrownBy(() -> JsonGraph.read(badDate, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("bad-date.json:4: from:");
		Path noLabels = Files.writeString(temp.resolve("no-labels.json"),
				"{\"format\": \"casegraph-json/1\", \"nodes\": [{\"id\": \"p:1\"}]}");
		assertThatThrownBy(() -> JsonGraph.read(noLabels, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("no-labels.json:1: labels:");
	}

	private long contactCount() {
		return driver.executableQuery("MATCH ()-[c:CONTACTED]->() RETURN coalesce(sum(c.count), 0) AS n")
			.execute()
			.records()
			.getFirst()
			.get("n")
			.asLong();
	}

}
