package org.casegraph.allegation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * An allegation of misconduct against an officer.
 */
public record Allegation(String id, AllegationCategory category, String standard, AllegationStatus status,
		LocalDate reported, String description, boolean synthetic) implements Entity {

	static final String LABEL = "Allegation";

	public static Allegation from(Node node) {
		return new Allegation(Values.string(node, "id"), Values.constant(node, "category", AllegationCategory.class),
				Values.string(node, "standard"), Values.constant(node, "status", AllegationStatus.class),
				Values.date(node, "reported"), Values.string(node, "description"), Values.bool(node, "synthetic"));
	}

}
