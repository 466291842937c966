package org.casegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.casegraph.export.JsonGraphFormat;
import org.casegraph.ingest.read.CsvBundleReader;
import org.casegraph.ingest.read.JsonGraphReader;
import org.casegraph.referencecase.BundleGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code export} then {@code import json} gives the same graph: exported again, the file
 * is identical, and the who-messaged-whom aggregate derived on import matches the
 * messages.
 */
class JsonRoundTripIntegrationTests extends ImportIntegrationTests {

	@Autowired
	JsonGraphFormat format;

	@Test
	void anExportImportedIntoAnEmptyGraphExportsTheSame() throws IOException {
		Path bundle = temp.resolve("bundle");
		BundleGenerator.generate(BundleGenerator.Tier.of("S"), 3, bundle);
		importer.run(CsvBundleReader.read(new CsvBundleReader.Settings(bundle, false, 1_000)), quiet());
		Path first = temp.resolve("first.json");
		JsonGraphFormat.Written written = format.export(first);
		long contactSum = contactCount();

		try (var session = driver.session()) {
			session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume();
		}
		Importer.Result result = importer.run(JsonGraphReader.read(first, 500), quiet());
		Path second = temp.resolve("second.json");
		format.export(second);

		assertThat(written.nodes()).isPositive();
		assertThat(result.counts().created()).as(result.counts().table())
			.isEqualTo(written.nodes() + written.relationships());
		assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
		assertThat(Files.readString(first)).contains("{\"datetime\":").contains("{\"date\":");
		assertThat(contactCount()).isEqualTo(contactSum);
		assertThat(contacts.check().passed()).isTrue();
	}

	@Test
	void malformedExportsAreRefusedWithTheLine() throws IOException {
		Path broken = Files.writeString(temp.resolve("broken.json"),
				"{\"format\": \"casegraph-json/1\",\n\"nodes\": [\n{\"id\": \"x\", \"labels\": [\"Person\"]},\n{\"id\": \n");
		assertThatThrownBy(() -> JsonGraphReader.read(broken, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("broken.json:")
			.hasMessageContaining("not valid JSON");
		Path badDate = Files.writeString(temp.resolve("bad-date.json"), """
				{"format": "casegraph-json/1",
				"nodes": [
				{"id": "p:1", "labels": ["Person"], "properties": {"name": "One"}},
				{"id": "m:1", "labels": ["Membership"], "properties": {"from": {"date": "2016-13-01"}}}
				]}
				""");
		assertThatThrownBy(() -> JsonGraphReader.read(badDate, 10)).isInstanceOf(InputException.class)
			.hasMessageContaining("bad-date.json:4: from:");
		Path noLabels = Files.writeString(temp.resolve("no-labels.json"),
				"{\"format\": \"casegraph-json/1\", \"nodes\": [{\"id\": \"p:1\"}]}");
		assertThatThrownBy(() -> JsonGraphReader.read(noLabels, 10)).isInstanceOf(InputException.class)
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
