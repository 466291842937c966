package org.casegraph.query;

/**
 * Anything with a stable, globally unique id: every GraphQL type that implements
 * {@code Node}.
 */
public interface Entity {

	String id();

}
