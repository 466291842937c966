package org.casegraph.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The relationship fields a page's selection asks for that its statement can read itself,
 * as a tree: each level one {@code COLLECT} subquery per field, and, once the rows are
 * back, the values put into the fields' data loaders. What no {@link NestedField}
 * describes stays with its batch load.
 */
final class NestedReads {

	/** Levels below the page read in its statement; deeper fields are batch loaded. */
	static final int MAX_DEPTH = 4;

	private final List<Nest> nests;

	private NestedReads(List<Nest> nests) {
		this.nests = nests;
	}

	/**
	 * The nested reads of a connection field's selection ({@code nodes} and
	 * {@code edges.node}); none without an environment.
	 */
	static NestedReads of(DataFetchingEnvironment env, List<NestedField> known) {
		if (env == null || known.isEmpty()) {
			return new NestedReads(List.of());
		}
		List<SelectedField> fields = new ArrayList<>();
		env.getSelectionSet()
			.getFields("nodes")
			.forEach(row -> fields.addAll(row.getSelectionSet().getImmediateFields()));
		env.getSelectionSet()
			.getFields("edges/node")
			.forEach(row -> fields.addAll(row.getSelectionSet().getImmediateFields()));
		return new NestedReads(plan(fields, known, 1));
	}

	/**
	 * The nested reads of a field that returns one entity ({@code node(id)}): its own
	 * selection, fragments on each type included. A fragment on a type the entity turns
	 * out not to be reads what it asks for in vain, and its values are never asked for.
	 */
	static NestedReads ofEntity(DataFetchingEnvironment env, List<NestedField> known) {
		if (env == null || known.isEmpty()) {
			return new NestedReads(List.of());
		}
		return new NestedReads(plan(env.getSelectionSet().getImmediateFields(), known, 1));
	}

	/** The page's extra return columns, {@code f0, f1, ...} over the page's {@code n}. */
	List<String> columns() {
		List<String> columns = new ArrayList<>();
		int[] counter = { 0 };
		for (int i = 0; i < nests.size(); i++) {
			columns.add(nests.get(i).cypher("n", counter) + " AS f" + i);
		}
		return columns;
	}

	/** Puts a page row's nested values into the fields' loaders (nothing without any). */
	void prime(DataFetchingEnvironment env, Object row, Record record) {
		for (int i = 0; i < nests.size(); i++) {
			nests.get(i).prime(env, row, record.get("f" + i));
		}
	}

	/** The nested reads among {@code fields} (the fields of one parent's selection). */
	private static List<Nest> plan(List<SelectedField> fields, List<NestedField> known, int depth) {
		Map<NestedField, List<SelectedField>> below = new LinkedHashMap<>();
		for (SelectedField field : fields) {
			known.stream()
				.filter(nested -> nested.field().equals(field.getName()))
				.filter(nested -> field.getObjectTypeNames().stream().anyMatch(nested::declaredBy))
				.findFirst()
				.ifPresent(nested -> below.computeIfAbsent(nested, key -> new ArrayList<>())
					.addAll(field.getSelectionSet().getImmediateFields()));
		}
		List<Nest> nests = new ArrayList<>();
		below.forEach((nested, children) -> nests
			.add(new Nest(nested, (depth < MAX_DEPTH) ? plan(children, known, depth + 1) : List.of())));
		return nests;
	}

	/** One field read in the statement, with the fields read below it. */
	private record Nest(NestedField field, List<Nest> children) {

		String cypher(String parent, int[] counter) {
			String child = "c" + counter[0]++;
			StringBuilder projection = new StringBuilder("{n: ").append(child);
			for (int i = 0; i < children.size(); i++) {
				projection.append(", f").append(i).append(": ").append(children.get(i).cypher(child, counter));
			}
			return field.hop().collect(parent, child, projection.append('}').toString());
		}

		void prime(DataFetchingEnvironment env, Object parent, Value rows) {
			List<Object> related = new ArrayList<>();
			for (Value row : rows.values()) {
				Object node = field.mapper().apply(row.get("n").asNode());
				related.add(node);
				for (int i = 0; i < children.size(); i++) {
					children.get(i).prime(env, node, row.get("f" + i));
				}
			}
			Object value = field.single() ? (related.isEmpty() ? null : related.getFirst()) : List.copyOf(related);
			loader(env).prime(field.key().apply(parent), value);
		}

		private DataLoader<Object, Object> loader(DataFetchingEnvironment env) {
			DataLoader<Object, Object> loader = env.getDataLoader(field.loader());
			if (loader == null) {
				throw new IllegalStateException("No data loader " + field.loader() + " for " + field.field());
			}
			return loader;
		}

	}

}
