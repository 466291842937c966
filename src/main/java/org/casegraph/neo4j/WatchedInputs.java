package org.casegraph.neo4j;

import java.util.Set;

/**
 * What an answer kept in the store is worked out from, so that the embedded database can
 * tell when it changes: a transaction changes these inputs when it gives a node one of
 * {@code labels} or takes one away (creating or deleting such a node does), creates or
 * deletes a relationship of one of {@code relationshipTypes}, or sets or removes one of
 * {@code properties} on a node that carries one of {@code labels}. Each such transaction
 * adds one to its {@link InputsGenerations generation} before it commits, so an answer
 * stored with the generation it read is current while the two are equal.
 *
 * @param name the generation's name, as {@code (:InputsGeneration {name})} holds it (made
 * by a migration)
 * @param labels the labels of the nodes read
 * @param properties their properties read
 * @param relationshipTypes the relationships read
 */
public record WatchedInputs(String name, Set<String> labels, Set<String> properties, Set<String> relationshipTypes) {

	public WatchedInputs {
		labels = Set.copyOf(labels);
		properties = Set.copyOf(properties);
		relationshipTypes = Set.copyOf(relationshipTypes);
	}

}
