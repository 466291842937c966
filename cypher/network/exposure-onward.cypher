// What the people who could have seen a message ($ids) sent afterwards, after $after up to $until: each message
// with whom it reached (direct recipients, or its group's members on the day, never its sender), oldest first.
UNWIND $ids AS id
MATCH (v:Entity {id: id})-[:SENT]->(n:Message)
WHERE $after < n.sentAt <= $until
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
