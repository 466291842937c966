package org.casegraph.casework;

import java.util.Map;

/**
 * A tag: a named colour shared across the case.
 *
 * @param name its name
 * @param colour its colour, #rrggbb
 * @param count how many entities carry it
 */
public record Tag(String name, String colour, int count) {

	static Tag from(Map<String, Object> stored) {
		return new Tag((String) stored.get("name"), (String) stored.get("colour"),
				((Number) stored.getOrDefault("count", 0)).intValue());
	}

}
