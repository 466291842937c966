package org.casegraph.source;

import java.time.LocalDate;

import org.casegraph.query.Entity;
import org.casegraph.query.Values;
import org.neo4j.driver.types.Node;

/**
 * One source's statement of a disputed figure or date; the source is reached through
 * {@code STATED_BY}.
 */
public record Claim(String id, String topic, String statement, Integer value, String qualifier,
		LocalDate asOf) implements Entity {

	static final String LABEL = "Claim";

	public static Claim from(Node node) {
		return new Claim(Values.string(node, "id"), Values.string(node, "topic"), Values.string(node, "statement"),
				Values.integer(node, "value"), Values.string(node, "qualifier"), Values.date(node, "asOf"));
	}

}
