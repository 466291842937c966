package org.casegraph.neo4j;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.driver.types.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.values.storable.DurationValue;

/**
 * The application's reads on the embedded database, in-process instead of over Bolt on
 * the loopback: a transaction whose security context allows reading only (a write fails
 * as Forbidden and changes nothing), with the timeout and the request's metadata, and
 * rows handed on as the driver's records so that every reader above is the same for an
 * embedded and an external database. Errors come out as the driver's exceptions with the
 * server's status codes. The Bolt round trip this saves (encoding, the loopback socket,
 * the server's worker hand-off) cost about 1 ms of a 5 ms request.
 */
public final class InProcessReads {

	private static final SecurityContext READ_ONLY = SecurityContext.authDisabled(StaticAccessMode.READ,
			ClientConnectionInfo.EMBEDDED_CONNECTION, null);

	private final GraphDatabaseAPI database;

	InProcessReads(GraphDatabaseService database) {
		this.database = (GraphDatabaseAPI) database;
	}

	/**
	 * Runs {@code work} in one read-only transaction; {@link Duration#ZERO} leaves the
	 * database's own limit.
	 */
	<T> T read(Duration timeout, Map<String, Object> metadata, Function<Runner, T> work) {
		try (InternalTransaction tx = begin(timeout)) {
			if (metadata != null) {
				tx.setMetaData(metadata);
			}
			T result = work.apply(new Runner(tx));
			tx.commit();
			return result;
		}
		catch (RuntimeException ex) {
			Neo4jException translated = translated(ex);
			throw (translated != null) ? translated : ex;
		}
	}

	private InternalTransaction begin(Duration timeout) {
		if (timeout.isZero()) {
			return database.beginTransaction(KernelTransaction.Type.EXPLICIT, READ_ONLY);
		}
		return database.beginTransaction(KernelTransaction.Type.EXPLICIT, READ_ONLY,
				ClientConnectionInfo.EMBEDDED_CONNECTION, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Statements in one transaction, their rows as the driver's records. */
	static final class Runner {

		private final InternalTransaction tx;

		private Runner(InternalTransaction tx) {
			this.tx = tx;
		}

		List<Record> run(String cypher, Map<String, Object> parameters) {
			List<Record> records = new ArrayList<>();
			stream(cypher, parameters, records::add);
			return records;
		}

		void stream(String cypher, Map<String, Object> parameters, Consumer<Record> rows) {
			try (Result result = tx.execute(cypher, parameters)) {
				List<String> keys = result.columns();
				// One index of the columns for all the rows, as the driver keeps one: a
				// record made from the names alone indexes them again.
				QueryKeys queryKeys = new QueryKeys(keys);
				while (result.hasNext()) {
					Map<String, Object> row = result.next();
					List<Value> values = new ArrayList<>(keys.size());
					keys.forEach(key -> values.add(value(row.get(key))));
					rows.accept(new InternalRecord(queryKeys, values));
				}
			}
		}

	}

	/** A value as the driver would have read it from Bolt. */
	static Value value(Object value) {
		return switch (value) {
			case null -> Values.NULL;
			case Node node -> node(node).asValue();
			case Relationship relationship -> relationship(relationship).asValue();
			case Path path -> path(path).asValue();
			case Point point -> point(point);
			case DurationValue duration ->
				Values.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
						duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS));
			case String text -> Values.value(text);
			case Long number -> Values.value(number.longValue());
			case List<?> list -> listValue(list);
			case Map<?, ?> map -> Values.value(values(map));
			case byte[] bytes -> Values.value(bytes);
			// A stored array of numbers, such as a contact's month arrays read whole, is
			// converted as it is, without reflection and a boxed element each.
			case long[] longs -> Values.value(longs);
			case Object array when array.getClass().isArray() -> Values.value(arrayValues(array));
			default -> Values.value(value);
		};
	}

	/**
	 * A list without streams: the driver's own conversion of a list streams it again, and
	 * a network's month arrays are thousands of short lists a request.
	 */
	private static Value listValue(List<?> list) {
		Value[] values = new Value[list.size()];
		int i = 0;
		for (Object item : list) {
			values[i++] = value(item);
		}
		return Values.value(values);
	}

	private static InternalNode node(Node node) {
		List<String> labels = new ArrayList<>();
		node.getLabels().forEach(label -> labels.add(label.name()));
		return new InternalNode(node.getId(), node.getElementId(), labels, values(node.getAllProperties()));
	}

	private static InternalRelationship relationship(Relationship relationship) {
		Node start = relationship.getStartNode();
		Node end = relationship.getEndNode();
		return new InternalRelationship(relationship.getId(), relationship.getElementId(), start.getId(),
				start.getElementId(), end.getId(), end.getElementId(), relationship.getType().name(),
				values(relationship.getAllProperties()));
	}

	private static InternalPath path(Path path) {
		List<Entity> entities = new ArrayList<>();
		Node previous = path.startNode();
		entities.add(node(previous));
		for (Relationship relationship : path.relationships()) {
			Node next = relationship.getOtherNode(previous);
			entities.add(relationship(relationship));
			entities.add(node(next));
			previous = next;
		}
		return new InternalPath(entities);
	}

	private static Value point(Point point) {
		double[] coordinate = point.getCoordinate().getCoordinate();
		int srid = point.getCRS().getCode();
		return (coordinate.length == 2) ? Values.point(srid, coordinate[0], coordinate[1])
				: Values.point(srid, coordinate[0], coordinate[1], coordinate[2]);
	}

	private static Map<String, Value> values(Map<?, ?> map) {
		Map<String, Value> values = new HashMap<>(map.size() * 2);
		map.forEach((key, item) -> values.put(String.valueOf(key), value(item)));
		return values;
	}

	private static List<Value> arrayValues(Object array) {
		List<Value> values = new ArrayList<>(Array.getLength(array));
		for (int i = 0; i < Array.getLength(array); i++) {
			values.add(value(Array.get(array, i)));
		}
		return values;
	}

	/**
	 * The error as the driver reports the same status from a server: the readers above
	 * (timeouts as LIMIT_EXCEEDED, refused searches, reports that tried to write) look
	 * for those.
	 */
	private static Neo4jException translated(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException driver) {
				return driver;
			}
			String code = code(cause);
			if (code != null) {
				String message = (cause.getMessage() == null) ? code : cause.getMessage();
				if (code.startsWith("Neo.ClientError")) {
					return new ClientException(code, message);
				}
				if (code.startsWith("Neo.TransientError")) {
					return new TransientException(code, message);
				}
				return new DatabaseException(code, message);
			}
		}
		return null;
	}

	private static String code(Throwable ex) {
		if (ex instanceof QueryExecutionException query) {
			return query.getStatusCode();
		}
		if (ex instanceof Status.HasStatus status) {
			return status.status().code().serialize();
		}
		return null;
	}

}
