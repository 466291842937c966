// The messages the full-text index finds for a term list's words and phrases ($query: each quoted, joined by OR), sent
// in the window ($from, $to: null for no bound), each with its sender: those of part $part of $parts (by the node's
// number), so that the parts can be read side by side. Only what matching needs is read: the messages hit are read
// whole later, and only the first of them.
CALL db.index.fulltext.queryNodes('casegraph_text', $query) YIELD node AS m
WHERE id(m) % $parts = $part AND m:Message AND ($from IS NULL OR m.sentAt >= $from)
  AND ($to IS NULL OR m.sentAt <= $to)
MATCH (s)-[:SENT]->(m)
RETURN m.id AS id, m.sentAt AS sentAt, m.body AS body, s.id AS sender
