package org.casegraph.investigation;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * An investigation into officers' conduct.
 */
public record Investigation(String id, String reference, String title, InvestigationMode mode, LocalDate opened,
		LocalDate closed, boolean synthetic) implements Entity {

	static final String LABEL = "Investigation";

	public static Investigation from(Node node) {
		return new Investigation(Values.string(node, "id"), Values.string(node, "reference"),
				Values.string(node, "title"), Values.constant(node, "mode", InvestigationMode.class),
				Values.date(node, "opened"), Values.date(node, "closed"), Values.bool(node, "synthetic"));
	}

}
