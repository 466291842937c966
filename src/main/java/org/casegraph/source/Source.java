package org.casegraph.source;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * A published report that states facts about the case.
 */
public record Source(String id, String label, String outlet, String headline, LocalDate published, String datePrecision,
		String dateNote) implements Entity {

	static final String LABEL = "Source";

	public static Source from(Node node) {
		return new Source(Values.string(node, "id"), Values.string(node, "label"), Values.string(node, "outlet"),
				Values.string(node, "headline"), Values.date(node, "published"), Values.string(node, "datePrecision"),
				Values.string(node, "dateNote"));
	}

}
