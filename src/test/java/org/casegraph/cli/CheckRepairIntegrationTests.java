package org.casegraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.casegraph.StoreAtRest;
import org.casegraph.ingest.IndependentRecount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casegraph.cli.Commands.run;

/**
 * {@code check} finds an aggregate that no longer matches the messages and exits 1;
 * {@code check --repair} rebuilds it from the messages, after which it matches them by
 * {@code check} and by a recount written apart from the aggregate's code.
 */
class CheckRepairIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void checkFindsATamperedAggregateAndRepairRebuildsIt() throws IOException {
		Path edges = Files.writeString(temp.resolve("edges.txt"),
				"1 2 1500000000\n2 1 1500000060\n1 2 1500000120\n3 1 1500000180\n");
		Path data = temp.resolve("data");
		assertThat(run("import", "snap", "--edges", edges.toString(), "--data-dir", data.toString()).status()).isZero();
		int tampered = StoreAtRest.open(data, database -> database.executeTransactionally("""
				MATCH (:Entity {id: 'person:edges:1'})-[c:CONTACTED]->(:Entity {id: 'person:edges:2'})
				SET c.count = c.count + 5
				""", Map.of(), result -> result.getQueryStatistics().getPropertiesSet()));
		assertThat(tampered).isEqualTo(1);

		Commands.Run found = run("check", "--data-dir", data.toString());
		Commands.Run repaired = run("check", "--repair", "--data-dir", data.toString());
		Commands.Run after = run("check", "--data-dir", data.toString());

		assertThat(found.status()).as(found.out()).isEqualTo(1);
		assertThat(repaired.status()).as(repaired.out()).isZero();
		assertThat(repaired.out()).contains("Rebuilt.");
		assertThat(after.status()).isZero();
		assertThat(after.out()).contains("all match the messages");
		IndependentRecount.Comparison recount = StoreAtRest.open(data, IndependentRecount::compareIn);
		assertThat(recount.recounted()).containsEntry("person:edges:1 -> person:edges:2", 2L)
			.isEqualTo(recount.stored());
	}

}
