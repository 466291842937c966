package org.casegraph.query;

import java.util.function.Function;

import org.neo4j.driver.types.Node;

/**
 * A relationship field a page can read in its own statement: the field's type and name,
 * the {@link Hop} its batch load walks, and the data loader that load goes through, so
 * that {@link GraphReader#page} can fill that loader's cache and the field's fetcher,
 * unchanged (access policy and all), finds its values there instead of asking the
 * database again.
 *
 * @param type the GraphQL type declaring the field, or {@code *} for every type with it
 * @param field the field's name
 * @param hop the relationship walked
 * @param single whether the field holds at most one node (the first, as the batch load)
 * @param loader the data loader the field's fetcher loads through
 * @param key the loader's key for a parent (the parent itself for a batch mapping)
 * @param mapper reads a related node
 */
public record NestedField(String type, String field, Hop hop, boolean single, String loader,
		Function<Object, Object> key, Function<Node, ?> mapper) {

	/** Any type declaring the field. */
	public static final String ANY_TYPE = "*";

	/** A list field behind a batch mapping of {@code type.field}. */
	public static NestedField list(String type, String field, Hop hop, Function<Node, ?> mapper) {
		return new NestedField(type, field, hop, false, type + "." + field, Function.identity(), mapper);
	}

	/** A single-node field behind a batch mapping of {@code type.field}. */
	public static NestedField single(String type, String field, Hop hop, Function<Node, ?> mapper) {
		return new NestedField(type, field, hop, true, type + "." + field, Function.identity(), mapper);
	}

	/** The same field, loaded through a named loader keyed by the parent's id. */
	public NestedField byId(String loaderName) {
		return new NestedField(type, field, hop, single, loaderName, parent -> ((Entity) parent).id(), mapper);
	}

	boolean declaredBy(String typeName) {
		return type.equals(ANY_TYPE) || type.equals(typeName);
	}

}
