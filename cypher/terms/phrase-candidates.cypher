// The messages the full-text index finds for a term list's words and phrases ($query: each quoted, joined by OR), sent
// in the window ($from, $to: null for no bound), each with its sender and the units the sender was in that day.
CALL db.index.fulltext.queryNodes('casegraph_text', $query) YIELD node AS m
WHERE m:Message AND ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
MATCH (s)-[:SENT]->(m)
RETURN m, s.id AS sender,
       COLLECT { MATCH (s)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:IN_UNIT]->(u:Unit)
                 WHERE m.sentAt IS NOT NULL AND (ms.from IS NULL OR ms.from <= date(m.sentAt))
                   AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)
                 RETURN DISTINCT u.id } AS units
