// What the people who could have seen a message ($ids) sent afterwards, after $after up to $until: each message
// with whom it reached (direct recipients, or its group's members on the day, never its sender), oldest first.
// Two reads give the same rows: every message each of them ever sent, kept if it falls in the window; or every
// message in the window, kept if one of them sent it. The window is read when it holds fewer than $fewer messages
// (counted from the time index, stopping at $fewer), the senders otherwise: after the latest messages, or over a
// short window in a busy store, the window is far smaller than all the people sent.
CALL () {
  MATCH (n:Message)
  WHERE $after < n.sentAt <= $until
  WITH n LIMIT $fewer
  RETURN count(n) < $fewer AS byWindow
}
// Each read is given nothing to read when the other is chosen: the senders an empty list, the window an empty range.
CALL (byWindow) {
  UNWIND CASE WHEN byWindow THEN [] ELSE $ids END AS id
  MATCH (v:Entity {id: id})-[:SENT]->(n:Message)
  WHERE $after < n.sentAt <= $until
  RETURN v, n
  UNION ALL
  MATCH (n:Message)
  WHERE $after < n.sentAt <= CASE WHEN byWindow THEN $until ELSE $after END
  // A subquery per message, so that the sender is found from the message and not looked up by id beforehand.
  CALL (n) {
    MATCH (v:Entity)-[:SENT]->(n)
    WHERE v.id IN $ids
    RETURN v
  }
  RETURN v, n
}
CALL (n, v) {
  MATCH (n)-[:TO]->(r)
  RETURN r
  UNION
  MATCH (n)-[:POSTED_IN]->(:ChatGroup)<-[g:IN_GROUP]-(r)
  WHERE (g.from IS NULL OR g.from <= date(n.sentAt)) AND (g.to IS NULL OR date(n.sentAt) <= g.to)
  RETURN r
}
WITH v, n, r
WHERE r <> v
ORDER BY r.id
WITH v, n, collect(r) AS reached
RETURN v.id AS from, n.id AS message, n.sentAt AS sentAt, reached
ORDER BY sentAt, message
