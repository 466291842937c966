package org.casegraph.query;

import java.util.Map;

/**
 * One page of a root list, as a client asked for it.
 *
 * @param first page size, 1 to {@link #MAX_PAGE}
 * @param after cursor to continue after, or null for the first page
 * @param where the typed filter as GraphQL delivered it (field name to operator map, plus
 * AND, OR, NOT)
 * @param orderBy sort field (an enum such as SENT_AT, read as the property sentAt) and
 * direction
 */
public record PageRequest(int first, String after, Map<String, Object> where, Order orderBy) {

	public static final int MAX_PAGE = 500;

	public PageRequest {
		if (first < 1 || first > MAX_PAGE) {
			throw new BadRequestException("Argument 'first': " + first + " is outside 1.." + MAX_PAGE);
		}
		where = (where != null) ? where : Map.of();
		orderBy = (orderBy != null) ? orderBy : Order.BY_ID;
	}

	public static PageRequest of(Integer first, String after, Map<String, Object> where, Order orderBy) {
		return new PageRequest((first != null) ? first : 20, after, where, orderBy);
	}

	/**
	 * Sort order of a list.
	 *
	 * @param field the order enum value (ID, NAME, SENT_AT ...)
	 * @param direction ASC or DESC
	 */
	public record Order(String field, String direction) {

		static final Order BY_ID = new Order("ID", "ASC");

		boolean descending() {
			return "DESC".equals(direction);
		}

		/** The property an order enum names: SENT_AT is sentAt. */
		String property() {
			String[] words = field.toLowerCase(java.util.Locale.ROOT).split("_");
			StringBuilder property = new StringBuilder(words[0]);
			for (int i = 1; i < words.length; i++) {
				property.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
			return property.toString();
		}

	}

}
