package org.casegraph.investigation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * What an investigation decided for one officer.
 */
public record Outcome(String id, OutcomeKind kind, LocalDate date, String description,
		boolean synthetic) implements Entity {

	static final String LABEL = "Outcome";

	public static Outcome from(Node node) {
		return new Outcome(Values.string(node, "id"), Values.constant(node, "kind", OutcomeKind.class),
				Values.date(node, "date"), Values.string(node, "description"), Values.bool(node, "synthetic"));
	}

}
