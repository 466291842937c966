package org.casegraph.neo4j;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Counts, in the store, the transactions that change each {@link WatchedInputs}: the
 * count is raised inside the transaction, just before it commits, so it commits with the
 * change or not at all, whichever path wrote it (an import, a merge, a Bolt client). Its
 * node is locked from then to the commit, so a write that stores an answer with the
 * generation it read (locking the same node first) either lands before the change, and is
 * left out of date by it, or sees the count moved on and stores nothing.
 */
public final class InputsGenerations implements TransactionEventListener<Set<String>> {

	private static final Label GENERATION = Label.label("InputsGeneration");

	private final List<WatchedInputs> watched;

	private final Map<String, List<Runnable>> raisedActions = new ConcurrentHashMap<>();

	InputsGenerations(List<WatchedInputs> watched) {
		this.watched = List.copyOf(watched);
	}

	/**
	 * Runs {@code action} after each commit that raised the generation of this name, on
	 * the committing thread: it should only hand work on.
	 */
	public void onRaised(String name, Runnable action) {
		raisedActions.computeIfAbsent(name, key -> new CopyOnWriteArrayList<>()).add(action);
	}

	/**
	 * Whether the generation of this name is raised by every write that changes its
	 * inputs.
	 */
	public boolean watches(String name) {
		return watched.stream().anyMatch(inputs -> inputs.name().equals(name));
	}

	@Override
	public Set<String> beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
		Set<String> raised = new HashSet<>();
		for (WatchedInputs inputs : watched) {
			if (changes(data, inputs)) {
				raise(transaction, inputs.name());
				raised.add(inputs.name());
			}
		}
		return raised;
	}

	@Override
	public void afterCommit(TransactionData data, Set<String> raised, GraphDatabaseService database) {
		if (raised == null) {
			return;
		}
		for (String name : raised) {
			raisedActions.getOrDefault(name, List.of()).forEach(Runnable::run);
		}
	}

	@Override
	public void afterRollback(TransactionData data, Set<String> raised, GraphDatabaseService database) {
	}

	/**
	 * The labels of deleted nodes and the keys of removed properties, not their values:
	 * reading those is what a snapshot of a large delete would cost.
	 */
	@Override
	public Set<TransactionData.DataSelection> transactionDataSelection() {
		return EnumSet.of(TransactionData.DataSelection.deletedNodeLabels,
				TransactionData.DataSelection.removedPropertKeys);
	}

	private static boolean changes(TransactionData data, WatchedInputs inputs) {
		return labelled(data.assignedLabels(), inputs) || labelled(data.removedLabels(), inputs)
				|| typed(data.createdRelationships(), inputs) || typed(data.deletedRelationships(), inputs)
				|| propertied(data, data.assignedNodeProperties(), inputs)
				|| propertied(data, data.removedNodeProperties(), inputs);
	}

	private static boolean labelled(Iterable<LabelEntry> entries, WatchedInputs inputs) {
		for (LabelEntry entry : entries) {
			if (inputs.labels().contains(entry.label().name())) {
				return true;
			}
		}
		return false;
	}

	private static boolean typed(Iterable<Relationship> relationships, WatchedInputs inputs) {
		if (inputs.relationshipTypes().isEmpty()) {
			return false;
		}
		for (Relationship relationship : relationships) {
			if (inputs.relationshipTypes().contains(relationship.getType().name())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A watched property of a node still there that carries a watched label (a deleted
	 * one's labels were looked at as removed).
	 */
	private static boolean propertied(TransactionData data, Iterable<PropertyEntry<Node>> entries,
			WatchedInputs inputs) {
		for (PropertyEntry<Node> entry : entries) {
			if (inputs.properties().contains(entry.key()) && !data.isDeleted(entry.entity())
					&& carries(entry.entity(), inputs)) {
				return true;
			}
		}
		return false;
	}

	private static boolean carries(Node node, WatchedInputs inputs) {
		for (Label label : node.getLabels()) {
			if (inputs.labels().contains(label.name())) {
				return true;
			}
		}
		return false;
	}

	private static void raise(Transaction transaction, String name) {
		Node generation = transaction.findNode(GENERATION, "name", name);
		if (generation == null) {
			generation = transaction.createNode(GENERATION);
			generation.setProperty("name", name);
		}
		generation.setProperty("n", ((Number) generation.getProperty("n", 0L)).longValue() + 1);
	}

}
