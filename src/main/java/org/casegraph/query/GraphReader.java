package org.casegraph.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.schema.DataFetchingEnvironment;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Property;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Component;

/**
 * The entity pages and batch loads of the API: pages of one label, and batched lookups
 * keyed by parent id, each one Cypher round trip whatever the number of parents. Each
 * runs on the one read path ({@link ReadOnlyCypher}): read-only, with the request
 * timeout.
 */
@Component
public class GraphReader {

	private static final String AFTER_SORT_VALUE = "afterSortValue";

	private static final String AFTER_ID = "afterId";

	private final ReadOnlyCypher cypher;

	private final List<NestedField> nested = new CopyOnWriteArrayList<>();

	/** Pages' statements without a filter, by shape: a few per list and selection. */
	private final Cache<PageShape, String> pageStatements = Caffeine.newBuilder().maximumSize(1_000).build();

	private final NestedPlans nestedPlans = new NestedPlans();

	GraphReader(ReadOnlyCypher cypher) {
		this.cypher = cypher;
	}

	/**
	 * One page of nodes with {@code label}, filtered, ordered and continued by keyset
	 * (never by offset).
	 */
	public <T extends Entity> Connection<T> page(String label, PageRequest request,
			Function<org.neo4j.driver.types.Node, T> mapper) {
		return page(label, request, mapper, null);
	}

	/**
	 * One page as {@link #page(String, PageRequest, Function)}, with the relationship
	 * fields its selection asks for that a {@link NestedField} describes read in the same
	 * statement (so a page with its memberships, units and stations is one round trip,
	 * however deep), their values handed to the fields' data loaders.
	 */
	public <T extends Entity> Connection<T> page(String label, PageRequest request,
			Function<org.neo4j.driver.types.Node, T> mapper, DataFetchingEnvironment env) {
		NestedReads nestedReads = nestedPlans.get("page", env, nested, NestedReads::of);
		Cursor after = (request.after() == null) ? null : Cursor.decode(request.after());
		PageShape shape = new PageShape(label, request.orderBy(), after != null,
				after != null && after.sortValue() == null, request.first(), nestedReads.columns());
		Map<String, Object> parameters = new LinkedHashMap<>();
		String cypher;
		if (request.where().isEmpty()) {
			cypher = pageStatements.get(shape, s -> pageStatement(s, Map.of(), new LinkedHashMap<>()));
		}
		else {
			cypher = pageStatement(shape, request.where(), parameters);
		}
		parameters.putAll(afterParameters(after));
		List<Connection.Edge<T>> edges = new ArrayList<>(list(cypher, parameters, record -> {
			Connection.Edge<T> edge = edge(record, mapper);
			nestedReads.prime(env, edge.node(), record);
			return edge;
		}));
		boolean hasNext = edges.size() > request.first();
		if (hasNext) {
			edges.removeLast();
		}
		var info = new Connection.PageInfo(hasNext, request.after() != null,
				edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
		return new Connection<>(List.copyOf(edges), info, () -> count(label, request));
	}

	/**
	 * A page's statement, its filter's values put in {@code parameters}: its text depends
	 * on the shape alone (the filter's values and the cursor's are parameters), so a page
	 * without a filter is rendered once per shape and kept. Rendering with Cypher-DSL's
	 * reflective visitor took about 9% of a small page request's CPU.
	 * <p>
	 * Nodes with no value to sort by come after all the others, ordered by id in the same
	 * direction. The others are read in the order of the sort property's index, where it
	 * has one, and the read stops at the page's end: a page of the latest of ten million
	 * messages read every message's time to sort them (5 to 8 s). Those without a value
	 * are looked for, in the same statement, only when the others do not fill the page,
	 * since finding them reads every node of the label.
	 */
	private static String pageStatement(PageShape shape, Map<String, Object> where, Map<String, Object> parameters) {
		String columns = shape.columns().stream().map(column -> ", " + column).collect(Collectors.joining());
		String order = shape.order().descending() ? " DESC" : "";
		if (shape.order().property().equals("id") || shape.inTail()) {
			Statement part = part(shape, where, !shape.inTail());
			parameters.putAll(part.getCatalog().getParameters());
			String by = shape.inTail() ? "n.id" + order : "sortValue" + order + ", n.id" + order;
			// the page's order again: the nested reads' subqueries need not keep it
			return part.getCypher() + columns + " ORDER BY " + by;
		}
		Statement valued = part(shape, where, true);
		Statement unvalued = part(shape, where, false);
		parameters.putAll(valued.getCatalog().getParameters());
		parameters.putAll(unvalued.getCatalog().getParameters());
		return "CALL () { " + valued.getCypher() + " } WITH collect({n: n, sortValue: sortValue}) AS valued "
				+ "CALL (valued) { WITH valued WHERE size(valued) <= " + shape.first() + " CALL () { "
				+ unvalued.getCypher() + " } RETURN collect({n: n, sortValue: sortValue}) AS unvalued } "
				+ "WITH valued + unvalued AS rows UNWIND range(0, size(rows) - 1) AS pageRow "
				+ "WITH rows[pageRow].n AS n, rows[pageRow].sortValue AS sortValue, pageRow LIMIT "
				+ (shape.first() + 1) + " RETURN n, sortValue, pageRow" + columns + " ORDER BY pageRow";
	}

	/**
	 * The nodes of a page with a value to sort by ({@code valued}), from the cursor on,
	 * or those without one, from the cursor on when it is among them; returning {@code n}
	 * and {@code sortValue}, a page's worth and one more.
	 */
	private static Statement part(PageShape shape, Map<String, Object> where, boolean valued) {
		Node n = Cypher.node(shape.label()).named("n");
		Condition filter = NodeFilter.compile(n, where);
		Property sortProperty = n.property(shape.order().property());
		SymbolicName sortValue = Cypher.name("sortValue");
		Property id = n.property("id");
		if (!valued) {
			return Cypher.match(n)
				.where(filter.and(sortProperty.isNull()).and(afterId(n, shape)))
				.with(n, Cypher.literalNull().as("sortValue"))
				.orderBy(sort(id, shape.order()))
				.limit(shape.first() + 1)
				.returning(n.getRequiredSymbolicName(), sortValue)
				.build();
		}
		// Saying the sort property is there lets the planner walk its index in order and
		// stop at the page's end instead of sorting every node of the label.
		return Cypher.match(n)
			.where(filter.and(after(n, sortProperty, shape)).and(sortProperty.isNotNull()))
			.with(n, sortProperty.as("sortValue"))
			.orderBy(sort(sortValue, shape.order()), sort(id, shape.order()))
			.limit(shape.first() + 1)
			.returning(n.getRequiredSymbolicName(), sortValue)
			.build();
	}

	/**
	 * What a page's statement text depends on besides its filter.
	 *
	 * @param label the nodes' label
	 * @param order the sort order
	 * @param after whether the page continues after a cursor
	 * @param inTail whether that cursor is among the nodes with no value to sort by
	 * @param first the page size
	 * @param columns the nested reads' columns
	 */
	private record PageShape(String label, PageRequest.Order order, boolean after, boolean inTail, int first,
			List<String> columns) {
	}

	/**
	 * The entity with {@code id}, with the relationship fields its selection asks for
	 * that a {@link NestedField} describes read in the same statement, as a page does;
	 * null when there is none (or the mapper makes nothing of it).
	 */
	public <T> T entity(String id, Function<org.neo4j.driver.types.Node, T> mapper, DataFetchingEnvironment env) {
		NestedReads nestedReads = nestedPlans.get("entity", env, nested, NestedReads::ofEntity);
		String columns = nestedReads.columns().stream().map(column -> ", " + column).collect(Collectors.joining());
		List<T> found = list("MATCH (n:Entity {id: $id}) RETURN n" + columns, Map.of("id", id), record -> {
			T entity = mapper.apply(record.get("n").asNode());
			if (entity != null) {
				nestedReads.prime(env, entity, record);
			}
			return entity;
		});
		return found.isEmpty() ? null : found.getFirst();
	}

	/** Runs a query and maps each record. */
	public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
		return this.cypher.list(cypher, parameters, mapper);
	}

	/**
	 * One query for many parents: {@code cypher} receives {@code $ids} and returns a
	 * {@code key} column holding the parent id; rows keep the query's order within each
	 * parent. Parents with no rows get an empty list.
	 */
	public <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		Map<String, List<T>> byKey = new LinkedHashMap<>();
		ids.forEach(id -> byKey.put(id, new ArrayList<>()));
		for (Keyed<T> row : list(cypher, Map.of("ids", List.copyOf(ids)), r -> keyed(r, mapper))) {
			byKey.get(row.key()).add(row.value());
		}
		return byKey;
	}

	/** Like {@link #grouped} for a relationship with at most one end per parent. */
	public <T> Map<String, T> single(String cypher, Collection<String> ids, Function<Record, T> mapper) {
		Map<String, T> byKey = new LinkedHashMap<>();
		for (Keyed<T> row : list(cypher, Map.of("ids", List.copyOf(ids)), r -> keyed(r, mapper))) {
			byKey.putIfAbsent(row.key(), row.value());
		}
		return byKey;
	}

	/**
	 * The related nodes of many parents in one query: {@code cypher} takes {@code $ids}
	 * and returns {@code key} (the parent's id) and {@code n} (a related node), in the
	 * order the parents should list them.
	 */
	public <P extends Entity, T> Map<P, List<T>> children(String cypher, List<P> parents,
			Function<org.neo4j.driver.types.Node, T> mapper) {
		var loaded = grouped(cypher, ids(parents), record -> mapper.apply(record.get("n").asNode()));
		return listsByParent(parents, Entity::id, loaded);
	}

	/** The related nodes of many parents along {@code hop}, in one query. */
	public <P extends Entity, T> Map<P, List<T>> children(Hop hop, List<P> parents,
			Function<org.neo4j.driver.types.Node, T> mapper) {
		return children(hop.cypher(), parents, mapper);
	}

	/** Like {@link #children(Hop, List, Function)} for at most one end per parent. */
	public <P extends Entity, T> Map<P, T> child(Hop hop, List<P> parents,
			Function<org.neo4j.driver.types.Node, T> mapper) {
		return child(hop.cypher(), parents, mapper);
	}

	/** Like {@link #children} for a relationship with at most one end per parent. */
	public <P extends Entity, T> Map<P, T> child(String cypher, List<P> parents,
			Function<org.neo4j.driver.types.Node, T> mapper) {
		var loaded = single(cypher, ids(parents), record -> mapper.apply(record.get("n").asNode()));
		return byParent(parents, Entity::id, loaded);
	}

	private static List<String> ids(List<? extends Entity> parents) {
		return parents.stream().map(Entity::id).distinct().toList();
	}

	/**
	 * Re-keys rows loaded by parent id onto the parents themselves, as a batch mapping
	 * returns them.
	 */
	public static <P, T> Map<P, List<T>> listsByParent(List<P> parents, Function<P, String> idOf,
			Map<String, List<T>> loaded) {
		Map<P, List<T>> result = new LinkedHashMap<>();
		parents.forEach(parent -> result.put(parent, loaded.getOrDefault(idOf.apply(parent), List.of())));
		return result;
	}

	/**
	 * Re-keys single rows loaded by a parent's key onto the parents; parents without one
	 * are left out.
	 */
	public static <P, T> Map<P, T> byParent(List<P> parents, Function<P, String> keyOf, Map<String, T> loaded) {
		Map<P, T> result = new LinkedHashMap<>();
		for (P parent : parents) {
			T value = loaded.get(keyOf.apply(parent));
			if (value != null) {
				result.put(parent, value);
			}
		}
		return result;
	}

	private long count(String label, PageRequest request) {
		Node n = Cypher.node(label).named("n");
		Statement statement = Cypher.match(n)
			.where(NodeFilter.compile(n, request.where()))
			.returning(Cypher.count(n).as("total"))
			.build();
		return list(statement, record -> record.get("total").asLong()).getFirst();
	}

	private <T> List<T> list(Statement statement, Function<Record, T> mapper) {
		return list(statement.getCypher(), statement.getCatalog().getParameters(), mapper);
	}

	private static <T> Connection.Edge<T> edge(Record record, Function<org.neo4j.driver.types.Node, T> mapper) {
		T node = mapper.apply(record.get("n").asNode());
		return new Connection.Edge<>(Cursor.of(record.get("sortValue"), ((Entity) node).id()).encode(), node);
	}

	private static Condition after(Node n, Property sortProperty, PageShape shape) {
		if (!shape.after() || shape.inTail()) {
			return Cypher.noCondition();
		}
		var sortValue = Cypher.parameter(AFTER_SORT_VALUE);
		var id = Cypher.parameter(AFTER_ID);
		Property idProperty = n.property("id");
		// The bound on the sort property alone is what lets the planner seek the index
		// from the cursor on, rather than walk it from the start.
		if (shape.order().descending()) {
			return sortProperty.lte(sortValue).and(sortProperty.lt(sortValue).or(idProperty.lt(id)));
		}
		return sortProperty.gte(sortValue).and(sortProperty.gt(sortValue).or(idProperty.gt(id)));
	}

	/** After the cursor's node among those with no value to sort by, which go by id. */
	private static Condition afterId(Node n, PageShape shape) {
		if (!shape.inTail()) {
			return Cypher.noCondition();
		}
		Property idProperty = n.property("id");
		var id = Cypher.parameter(AFTER_ID);
		return shape.order().descending() ? idProperty.lt(id) : idProperty.gt(id);
	}

	private static Map<String, Object> afterParameters(Cursor cursor) {
		if (cursor == null) {
			return Map.of();
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(AFTER_SORT_VALUE, cursor.sortValue());
		parameters.put(AFTER_ID, cursor.id());
		return parameters;
	}

	/**
	 * Describes relationship fields pages may read in their own statement; features call
	 * it as they start, beside registering the fields' batch loads.
	 */
	public void nest(NestedField... fields) {
		nested.addAll(List.of(fields));
		nestedPlans.clear();
	}

	private static SortItem sort(Expression property, PageRequest.Order order) {
		return order.descending() ? property.descending() : property.ascending();
	}

	private static <T> Keyed<T> keyed(Record record, Function<Record, T> mapper) {
		return new Keyed<>(record.get("key").asString(), mapper.apply(record));
	}

	private record Keyed<T>(String key, T value) {
	}

}
