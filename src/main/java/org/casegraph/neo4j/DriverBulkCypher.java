package org.casegraph.neo4j;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;

/** {@link BulkCypher} through the driver, for an external database. */
final class DriverBulkCypher implements BulkCypher {

	private final Driver driver;

	DriverBulkCypher(Driver driver) {
		this.driver = driver;
	}

	@Override
	public <T> T write(Function<Tx, T> work) {
		try (Session session = driver.session()) {
			return session.executeWrite(tx -> work.apply(new BoltTx(tx)), config());
		}
	}

	@Override
	public <T> T read(Function<Tx, T> work) {
		try (Session session = driver.session()) {
			return session.executeRead(tx -> work.apply(new BoltTx(tx)), config());
		}
	}

	private static TransactionConfig config() {
		Map<String, Object> metadata = TransactionMetadata.current();
		return (metadata == null) ? TransactionConfig.empty()
				: TransactionConfig.builder().withMetadata(metadata).build();
	}

	private record BoltTx(TransactionContext tx) implements Tx {

		@Override
		public void run(String statement, Map<String, Object> parameters, Consumer<Map<String, Object>> rows) {
			tx.run(statement, parameters).forEachRemaining(record -> rows.accept(record.asMap()));
		}

	}

}
