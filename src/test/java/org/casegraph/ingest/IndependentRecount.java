package org.casegraph.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The who-messaged-whom counts worked out again in plain Cypher, straight from the
 * messages and the dated memberships, without any of the aggregate's code: a message
 * reaches its direct recipients and, posted in a group, everyone in the group on the day
 * it was sent (from and to inclusive, either open), never its sender; within a unit, it
 * counts for a pair who were both members on that day. The import tests compare the
 * stored aggregate with it, so that the code that builds the aggregate is not also the
 * only judge of it ({@code check} recomputes with that code).
 */
public final class IndependentRecount {

	private static final String RECOUNT = """
			MATCH (sender)-[:SENT]->(m:Message)
			CALL (m) {
			  MATCH (m)-[:TO]->(reached)
			  RETURN reached
			  UNION
			  MATCH (m)-[:POSTED_IN]->(:ChatGroup)<-[member:IN_GROUP]-(reached)
			  WHERE m.sentAt IS NULL
			     OR ((member.from IS NULL OR member.from <= date(m.sentAt))
			         AND (member.to IS NULL OR date(m.sentAt) <= member.to))
			  RETURN reached
			}
			WITH sender, reached, m WHERE reached <> sender
			CALL (sender, reached, m) {
			  RETURN '' AS unit
			  UNION
			  MATCH (sender)-[:HAS_MEMBERSHIP]->(a:Membership)-[:IN_UNIT]->(u:Unit),
			        (reached)-[:HAS_MEMBERSHIP]->(b:Membership)-[:IN_UNIT]->(u)
			  WHERE CASE WHEN m.sentAt IS NULL
			    THEN a.from IS NULL AND a.to IS NULL AND b.from IS NULL AND b.to IS NULL
			    ELSE (a.from IS NULL OR a.from <= date(m.sentAt)) AND (a.to IS NULL OR date(m.sentAt) <= a.to)
			     AND (b.from IS NULL OR b.from <= date(m.sentAt)) AND (b.to IS NULL OR date(m.sentAt) <= b.to)
			    END
			  RETURN u.id + ': ' AS unit
			}
			RETURN unit + sender.id + ' -> ' + reached.id AS pair, count(*) AS messages
			""";

	private static final String STORED = """
			MATCH (sender)-[c:CONTACTED]->(reached)
			RETURN sender.id + ' -> ' + reached.id AS pair, c.count AS messages
			UNION ALL
			MATCH (n:UnitContacts)
			RETURN n.unit + ': ' + n.sender + ' -> ' + n.recipient AS pair, n.count AS messages
			""";

	private IndependentRecount() {
	}

	/**
	 * Each pair's messages by the recount and by the aggregate: equal when all is well.
	 */
	public static Comparison compare(Function<String, List<Map<String, Object>>> query) {
		return new Comparison(counts(query.apply(RECOUNT)), counts(query.apply(STORED)));
	}

	/** The same, on a database open in this process. */
	public static Comparison compareIn(GraphDatabaseService database) {
		return compare(cypher -> database.executeTransactionally(cypher, Map.of(),
				result -> result.stream().map(row -> (Map<String, Object>) new HashMap<>(row)).toList()));
	}

	private static Map<String, Long> counts(List<Map<String, Object>> rows) {
		Map<String, Long> counts = new TreeMap<>();
		rows.forEach(row -> counts.put((String) row.get("pair"), ((Number) row.get("messages")).longValue()));
		return counts;
	}

	/**
	 * The two counts.
	 *
	 * @param recounted each pair's messages counted from the messages
	 * @param stored each pair's messages in the aggregate
	 */
	public record Comparison(Map<String, Long> recounted, Map<String, Long> stored) {
	}

}
