// The messages of a conversation, each once, in time order (then by id; $descending reverses both): between two
// people or accounts ($a, $b: direct messages either way, and what either posted in a group both were in that day)
// or in one chat group ($group). Only messages with a time, within $from..$to (null for no bound), strictly after
// ($afterAt, $afterId) or strictly before ($beforeAt, $beforeId) a message when given; at most $limit.
CALL () {
  MATCH (x:Entity)-[:SENT]->(m:Message)-[:TO]->(y:Entity)
  WHERE $group IS NULL AND ((x.id = $a AND y.id = $b) OR (x.id = $b AND y.id = $a))
  RETURN m
  UNION
  MATCH (x:Entity)-[:SENT]->(m:Message)-[:POSTED_IN]->(g:ChatGroup)
  WHERE $group IS NULL AND x.id IN [$a, $b]
    AND all(party IN [$a, $b] WHERE EXISTS {
      MATCH (g)<-[r:IN_GROUP]-(:Entity {id: party})
      WHERE (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
    })
  RETURN m
  UNION
  MATCH (:ChatGroup {id: $group})<-[:POSTED_IN]-(m:Message)
  RETURN m
}
WITH m
WHERE m.sentAt IS NOT NULL
  AND ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
  AND ($afterAt IS NULL OR m.sentAt > $afterAt OR (m.sentAt = $afterAt AND m.id > $afterId))
  AND ($beforeAt IS NULL OR m.sentAt < $beforeAt OR (m.sentAt = $beforeAt AND m.id < $beforeId))
RETURN m
ORDER BY CASE WHEN $descending THEN null ELSE m.sentAt END,
         CASE WHEN $descending THEN null ELSE m.id END,
         CASE WHEN $descending THEN m.sentAt END DESC,
         CASE WHEN $descending THEN m.id END DESC
LIMIT $limit
