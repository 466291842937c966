package org.casegraph.query;

import java.util.List;

/**
 * A feature's contribution to id lookups: the labels it owns and how to read them.
 */
public interface EntityKinds {

	List<EntityKind> kinds();

}
