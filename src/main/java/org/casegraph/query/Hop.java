package org.casegraph.query;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * A batched one-hop lookup, described rather than written: from nodes of one label, by
 * their ids ({@code $ids}), along one relationship type to nodes of another label,
 * optionally ordered by properties of the nodes reached. It is the query
 * {@link GraphReader#children} and {@link GraphReader#child} take: columns {@code key}
 * (the parent's id) and {@code n} (a related node).
 *
 * <pre>
 * Hop.from("Person").out("HAS_MEMBERSHIP").to("Membership").orderBy("from", "id")
 * </pre>
 *
 * Its Cypher is rendered on first use and kept: rendered at every batch load, it cost
 * each request Cypher-DSL's reflective walk of the statement.
 */
public final class Hop {

	private final String from;

	private final String type;

	private final boolean outgoing;

	private final String to;

	private final String[] orderBy;

	/** Rendered on first use; a race renders the same text twice, harmlessly. */
	private volatile String cypher;

	private Hop(String from, String type, boolean outgoing, String to, String... orderBy) {
		this.from = from;
		this.type = type;
		this.outgoing = outgoing;
		this.to = to;
		this.orderBy = orderBy.clone();
	}

	public static Start from(String label) {
		return new Start(label);
	}

	/** Sorted by these properties of the related node, ascending. */
	public Hop orderBy(String... properties) {
		return new Hop(from, type, outgoing, to, properties);
	}

	/** The Cypher of this lookup. */
	public String cypher() {
		String rendered = cypher;
		if (rendered == null) {
			rendered = render();
			cypher = rendered;
		}
		return rendered;
	}

	private String render() {
		SymbolicName key = Cypher.name("key");
		Node parent = Cypher.node(from).withProperties("id", key);
		Node n = Cypher.node(to).named("n");
		Relationship hop = outgoing ? parent.relationshipTo(n, type) : parent.relationshipFrom(n, type);
		SortItem[] order = Arrays.stream(orderBy)
			.map(property -> n.property(property).ascending())
			.toArray(SortItem[]::new);
		return Cypher.unwind(Cypher.parameter("ids"))
			.as(key)
			.match(hop)
			.returning(key, n.getRequiredSymbolicName())
			.orderBy(order)
			.build()
			.getCypher();
	}

	/**
	 * The same walk as a {@code COLLECT} subquery from the bound variable {@code parent}
	 * to {@code child}, returning {@code projection} of each related node in this hop's
	 * order: how a page reads the field in its own statement.
	 */
	String collect(String parent, String child, String projection) {
		String arrow = outgoing ? "-[:`%s`]->" : "<-[:`%s`]-";
		String order = Arrays.stream(orderBy)
			.map(property -> child + ".`" + property + "`")
			.collect(Collectors.joining(", "));
		return "COLLECT { MATCH (" + parent + ")" + arrow.formatted(type) + "(" + child + ":`" + to + "`) RETURN "
				+ projection + (order.isEmpty() ? "" : " ORDER BY " + order) + " }";
	}

	/** A lookup with its parents' label chosen. */
	public record Start(String from) {

		public Along out(String type) {
			return new Along(from, type, true);
		}

		public Along in(String type) {
			return new Along(from, type, false);
		}

	}

	/** A lookup with its relationship chosen. */
	public record Along(String from, String type, boolean outgoing) {

		public Hop to(String label) {
			return new Hop(from, type, outgoing, label);
		}

	}

}
