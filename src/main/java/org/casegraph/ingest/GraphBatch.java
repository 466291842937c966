package org.casegraph.ingest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Nodes, messages and relationships to write in one go, in the row shape
 * {@code cypher/ingest/nodes.cypher}, {@code messages.cypher} and
 * {@code relationships.cypher} take. Every node gets the {@code Entity} label and a
 * globally unique id.
 */
public final class GraphBatch {

	private final List<Map<String, Object>> nodes = new ArrayList<>();

	private final List<Map<String, Object>> relationships = new ArrayList<>();

	private final List<Map<String, Object>> messages = new ArrayList<>();

	private final List<Map<String, Object>> caseWork = new ArrayList<>();

	private static final List<String> MESSAGE = List.of("Message");

	/**
	 * Adds a node; {@code properties} may hold nulls, which are left out. A value outside
	 * its {@link Vocabulary} is refused.
	 */
	public void node(String id, List<String> labels, Map<String, Object> properties) {
		Map<String, Object> props = withoutNulls(properties);
		Vocabulary.require(id, labels, props);
		nodes.add(row(id, labels, "Entity", props));
	}

	/**
	 * Adds a message with its sender and, for a group message, its group: written once,
	 * by the message path of {@code cypher/ingest/messages.cypher}.
	 */
	public void message(String id, String sender, String group, Map<String, Object> properties) {
		Map<String, Object> props = withoutNulls(properties);
		Vocabulary.require(id, MESSAGE, props);
		props.put("id", id);
		Map<String, Object> row = LinkedHashMap.newLinkedHashMap(4);
		row.put("id", id);
		row.put("sender", sender);
		row.put("group", group);
		row.put("properties", props);
		messages.add(row);
	}

	/**
	 * Adds a piece of case work (a note, a tag, a saved search, an exhibit) as an export
	 * holds it.
	 */
	public void caseWork(String id, List<String> labels, Map<String, Object> properties) {
		caseWork.add(row(id, labels, "CaseWork", withoutNulls(properties)));
	}

	/**
	 * A row of the node statements: its kind (the first label), its labels with the one
	 * that marks what it is, and its properties with its id.
	 */
	private static Map<String, Object> row(String id, List<String> labels, String marker,
			Map<String, Object> properties) {
		properties.put("id", id);
		List<String> allLabels = new ArrayList<>(labels);
		allLabels.add(marker);
		return Map.of("id", id, "kind", labels.getFirst(), "labels", allLabels, "properties", properties);
	}

	public List<Map<String, Object>> caseWork() {
		return List.copyOf(caseWork);
	}

	public void relationship(String from, String type, String to) {
		relationship(from, type, to, Map.of());
	}

	public void relationship(String from, String type, String to, Map<String, Object> properties) {
		relationships.add(Map.of("from", from, "type", type, "to", to, "properties", withoutNulls(properties)));
	}

	public List<Map<String, Object>> nodes() {
		return List.copyOf(nodes);
	}

	public List<Map<String, Object>> relationships() {
		return List.copyOf(relationships);
	}

	public List<Map<String, Object>> messages() {
		return List.copyOf(messages);
	}

	private long inputRows = -1;

	/** Kinds of node that carry the exhibit they were imported from. */
	private static final Set<String> EXHIBITED = Set.of("Message", "Account", "Membership");

	/**
	 * This batch with every message, account and membership (a Membership node, or a
	 * group's IN_GROUP relationship) naming the exhibit it came from.
	 */
	GraphBatch stamped(String exhibit) {
		GraphBatch copy = new GraphBatch();
		for (Map<String, Object> node : nodes) {
			copy.nodes.add(EXHIBITED.contains(node.get("kind")) ? withExhibit(node, exhibit) : node);
		}
		for (Map<String, Object> relationship : relationships) {
			copy.relationships
				.add("IN_GROUP".equals(relationship.get("type")) ? withExhibit(relationship, exhibit) : relationship);
		}
		messages.forEach(message -> copy.messages.add(withExhibit(message, exhibit)));
		copy.caseWork.addAll(caseWork);
		copy.inputRows = inputRows;
		return copy;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withExhibit(Map<String, Object> row, String exhibit) {
		Map<String, Object> copy = LinkedHashMap.newLinkedHashMap(row.size());
		copy.putAll(row);
		copy.put("properties", new Stamped((Map<String, Object>) row.get("properties"), exhibit));
		return copy;
	}

	/**
	 * A row's properties with the exhibit's id as its {@code exhibit}, read through
	 * rather than copied: copying each message's dozen properties was a quarter of the
	 * work of reading a bundle. Read-only, like the map it reads.
	 */
	private static final class Stamped extends AbstractMap<String, Object> {

		private static final String EXHIBIT = "exhibit";

		private final Map<String, Object> properties;

		private final Entry<String, Object> exhibit;

		Stamped(Map<String, Object> properties, String exhibit) {
			this.properties = properties;
			this.exhibit = new SimpleImmutableEntry<>(EXHIBIT, exhibit);
		}

		@Override
		public Object get(Object key) {
			return EXHIBIT.equals(key) ? exhibit.getValue() : properties.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return EXHIBIT.equals(key) || properties.containsKey(key);
		}

		@Override
		public int size() {
			return properties.size() + (properties.containsKey(EXHIBIT) ? 0 : 1);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					return new Entries();
				}

				@Override
				public int size() {
					return Stamped.this.size();
				}

			};
		}

		/** The properties but their own exhibit, then the exhibit. */
		private final class Entries implements Iterator<Entry<String, Object>> {

			private final Iterator<Entry<String, Object>> rest = properties.entrySet().iterator();

			private boolean stamped;

			private Entry<String, Object> next = advance();

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public Entry<String, Object> next() {
				if (next == null) {
					throw new NoSuchElementException();
				}
				Entry<String, Object> entry = next;
				next = advance();
				return entry;
			}

			private Entry<String, Object> advance() {
				while (rest.hasNext()) {
					Entry<String, Object> entry = rest.next();
					if (!EXHIBIT.equals(entry.getKey())) {
						return entry;
					}
				}
				if (stamped) {
					return null;
				}
				stamped = true;
				return exhibit;
			}

		}

	}

	/** Rows in all, for progress. */
	public long size() {
		return nodes.size() + relationships.size() + messages.size() + caseWork.size();
	}

	/** Notes how many rows of the input made this batch, when that is not its size. */
	public void inputRows(long rows) {
		this.inputRows = rows;
	}

	/** Rows of the input this batch came from, for progress against the input's size. */
	public long inputRows() {
		return (inputRows >= 0) ? inputRows : size();
	}

	/** A copy with room for the id and an exhibit, so that neither grows it. */
	private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
		Map<String, Object> copy = LinkedHashMap.newLinkedHashMap(properties.size() + 2);
		properties.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		return copy;
	}

}
