package org.casegraph.neo4j;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * <p>
 * Beside the count, the node logs the ids of what each generation changed (its
 * {@code changed} ids, each with the generation in {@code changedIn}), so that an answer
 * left out of date by a few changes can be brought up to date by reading only those: the
 * ids of the nodes changed and of the nodes at both ends of each relationship changed.
 * The log keeps the latest {@value #LOGGED} ids (an id changed again once, under the
 * latest generation); {@code completeSince} is the generation after which it holds every
 * change. A transaction that changes more, deletes a watched node (whose id is no longer
 * read) or changes a node's id empties it, and it is complete only from that
 * transaction's generation on.
 */
public final class InputsGenerations implements TransactionEventListener<Set<String>> {

	private static final Label GENERATION = Label.label("InputsGeneration");

	/**
	 * Most ids the log keeps: about 30 KB rewritten by each write that changes inputs.
	 */
	static final int LOGGED = 2_000;

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
			ChangedIds changed = ChangedIds.of(data, inputs);
			if (changed.any()) {
				raise(transaction, inputs.name(), changed.ids());
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

	private static boolean carries(Node node, WatchedInputs inputs) {
		for (Label label : node.getLabels()) {
			if (inputs.labels().contains(label.name())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Raises the generation of this name by one and logs the ids it changed (null: not
	 * known, and the log is emptied).
	 */
	private static void raise(Transaction transaction, String name, Set<String> changed) {
		Node generation = transaction.findNode(GENERATION, "name", name);
		if (generation == null) {
			generation = transaction.createNode(GENERATION);
			generation.setProperty("name", name);
		}
		long before = ((Number) generation.getProperty("n", 0L)).longValue();
		long next = before + 1;
		// A log begun now holds every change after the generation before it.
		long completeSince = ((Number) generation.getProperty("completeSince", before)).longValue();
		String[] logged = (String[]) generation.getProperty("changed", new String[0]);
		long[] loggedIn = (long[]) generation.getProperty("changedIn", new long[0]);
		if (changed == null) {
			logged = new String[0];
			loggedIn = new long[0];
			completeSince = next;
		}
		else {
			// An id changed again is logged once, under the latest generation that
			// changed it.
			String[] stayed = new String[logged.length];
			long[] stayedIn = new long[logged.length];
			int stays = 0;
			for (int i = 0; i < logged.length; i++) {
				if (!changed.contains(logged[i])) {
					stayed[stays] = logged[i];
					stayedIn[stays++] = loggedIn[i];
				}
			}
			int dropped = Math.max(0, stays + changed.size() - LOGGED);
			if (dropped > 0) {
				completeSince = Math.max(completeSince, stayedIn[dropped - 1]);
			}
			String[] ids = new String[stays - dropped + changed.size()];
			long[] in = new long[ids.length];
			System.arraycopy(stayed, dropped, ids, 0, stays - dropped);
			System.arraycopy(stayedIn, dropped, in, 0, stays - dropped);
			int i = stays - dropped;
			for (String id : changed) {
				ids[i] = id;
				in[i++] = next;
			}
			logged = ids;
			loggedIn = in;
		}
		generation.setProperty("n", next);
		generation.setProperty("completeSince", completeSince);
		generation.setProperty("changed", logged);
		generation.setProperty("changedIn", loggedIn);
	}

	/**
	 * Whether a transaction changed some inputs, and the ids it changed: of each node
	 * given or stripped of a watched label or with a watched property set or removed (on
	 * a node still there that carries a watched label: a deleted one's labels are looked
	 * at as removed), and of both ends of each watched relationship created or deleted.
	 * Read in one walk, which stops at the first change it cannot log.
	 */
	private static final class ChangedIds {

		private final TransactionData data;

		private final Set<String> ids = new LinkedHashSet<>();

		/** Whether it met a change to the inputs. */
		private boolean any;

		/** Whether every change it met is in {@link #ids}. */
		private boolean logged;

		/**
		 * The element ids of the nodes the transaction created, read when first needed.
		 */
		private Set<String> created;

		/** Whether it created more nodes than the log keeps ids. */
		private boolean manyCreated;

		private ChangedIds(TransactionData data) {
			this.data = data;
		}

		static ChangedIds of(TransactionData data, WatchedInputs inputs) {
			ChangedIds changed = new ChangedIds(data);
			changed.logged = changed.read(inputs);
			return changed;
		}

		boolean any() {
			return any;
		}

		/**
		 * The ids changed; null when the transaction changed more than the log keeps,
		 * deleted a watched node, changed the id of a node it did not create, or changed
		 * a node without an id.
		 */
		Set<String> ids() {
			return logged ? ids : null;
		}

		private boolean read(WatchedInputs inputs) {
			for (LabelEntry entry : data.assignedLabels()) {
				if (inputs.labels().contains(entry.label().name()) && !add(entry.node())) {
					return false;
				}
			}
			for (LabelEntry entry : data.removedLabels()) {
				if (inputs.labels().contains(entry.label().name()) && !add(entry.node())) {
					return false;
				}
			}
			if (!relationships(data.createdRelationships(), inputs)
					|| !relationships(data.deletedRelationships(), inputs)) {
				return false;
			}
			return properties(data.assignedNodeProperties(), inputs)
					&& properties(data.removedNodeProperties(), inputs);
		}

		private boolean relationships(Iterable<Relationship> relationships, WatchedInputs inputs) {
			if (inputs.relationshipTypes().isEmpty()) {
				return true;
			}
			for (Relationship relationship : relationships) {
				if (inputs.relationshipTypes().contains(relationship.getType().name())
						&& !(add(relationship.getStartNode()) && add(relationship.getEndNode()))) {
					return false;
				}
			}
			return true;
		}

		private boolean properties(Iterable<PropertyEntry<Node>> entries, WatchedInputs inputs) {
			for (PropertyEntry<Node> entry : entries) {
				Node node = entry.entity();
				if (!inputs.properties().contains(entry.key()) || data.isDeleted(node) || !carries(node, inputs)) {
					continue;
				}
				any = true;
				if (entry.key().equals("id") && !created(node)) {
					return false;
				}
				if (!add(node)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Adds the id of a node a change to the inputs met: false for a deleted node, one
		 * without an id, or too many.
		 */
		private boolean add(Node node) {
			any = true;
			if (data.isDeleted(node)) {
				return false;
			}
			Object id = node.getProperty("id", null);
			if (!(id instanceof String text)) {
				return false;
			}
			ids.add(text);
			return ids.size() <= LOGGED;
		}

		/**
		 * Whether the transaction created the node; false when it created more nodes than
		 * the log keeps ids, so that an id set is taken as changed, and empties the log.
		 */
		private boolean created(Node node) {
			if (created == null) {
				created = new HashSet<>();
				for (Node one : data.createdNodes()) {
					if (created.size() == LOGGED) {
						manyCreated = true;
						break;
					}
					created.add(one.getElementId());
				}
			}
			return !manyCreated && created.contains(node.getElementId());
		}

	}

}
