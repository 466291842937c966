package org.casegraph.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.casegraph.EmbeddedGraphTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process bulk writes carry the unit of work's metadata while other clients open
 * and close transactions beside them: {@code CALL tx.setMetaData} failed there ("The
 * transaction has been closed") when another transaction closed while it looked for its
 * own.
 */
class EmbeddedBulkCypherIntegrationTests extends EmbeddedGraphTests {

	private static final String OWN_METADATA = """
			SHOW TRANSACTIONS YIELD metaData, currentQuery
			WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS'
			RETURN metaData
			""";

	@Autowired
	BulkCypher bulk;

	@Autowired
	Driver driver;

	@Test
	void writesCarryTheirMetadataWhileOtherTransactionsComeAndGo() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger others = new AtomicInteger();
		Thread client = Thread.ofPlatform().start(() -> {
			while (writing.get()) {
				driver.executableQuery("RETURN 1").execute();
				others.incrementAndGet();
			}
		});
		List<Object> seen = new ArrayList<>();
		TransactionMetadata.set("import-7", "analyst");
		try {
			for (int i = 0; i < 300; i++) {
				seen.add(bulk.write(tx -> {
					List<Object> metadata = new ArrayList<>();
					tx.run(OWN_METADATA, Map.of(), row -> metadata.add(row.get("metaData")));
					return metadata.getFirst();
				}));
			}
		}
		finally {
			TransactionMetadata.clear();
			writing.set(false);
			client.join();
		}
		assertThat(others.get()).as("transactions the other client ran meanwhile").isPositive();
		assertThat(seen).hasSize(300)
			.allSatisfy(metadata -> assertThat(metadata).isEqualTo(Map.of("requestId", "import-7", "user", "analyst")));
	}

}
