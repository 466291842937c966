package org.casegraph.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.neo4j.driver.types.Node;

import org.springframework.stereotype.Component;

/**
 * Reads any node as the record of its most specific known label, so that {@code node(id)}
 * and search hits come back as their GraphQL types.
 */
@Component
public class Entities {

	private final List<EntityKind> kinds;

	Entities(List<EntityKinds> features) {
		this.kinds = features.stream()
			.flatMap(feature -> feature.kinds().stream())
			.sorted(Comparator.comparingInt(EntityKind::precedence).reversed())
			.toList();
	}

	public Optional<Entity> read(Node node) {
		return kinds.stream()
			.filter(kind -> node.hasLabel(kind.label()))
			.findFirst()
			.map(kind -> kind.mapper().apply(node));
	}

}
