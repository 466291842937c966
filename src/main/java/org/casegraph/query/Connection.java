package org.casegraph.query;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * A Relay connection page. {@code totalCount} runs its count query only when a client
 * selects it.
 *
 * @param edges the rows with their cursors
 * @param pageInfo where the page sits
 * @param counter counts every match of the filter
 * @param <T> the row type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, LongSupplier counter) {

	public List<T> nodes() {
		return edges.stream().map(Edge::node).toList();
	}

	public long totalCount() {
		return counter.getAsLong();
	}

	/**
	 * One row and the cursor that continues after it.
	 *
	 * @param cursor opaque keyset cursor
	 * @param node the row
	 * @param <T> the row type
	 */
	public record Edge<T>(String cursor, T node) {
	}

	/**
	 * Relay page info.
	 *
	 * @param hasNextPage more rows follow
	 * @param hasPreviousPage rows come before (a cursor was given)
	 * @param startCursor first row's cursor
	 * @param endCursor last row's cursor
	 */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
