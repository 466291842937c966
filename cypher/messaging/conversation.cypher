// The messages of a conversation, each once, in time order (then by id; $descending reverses both): between two
// people or accounts ($a, $b: direct messages either way, and what either posted in a group both were in that day)
// or in one chat group ($group). Only messages with a time, within $from..$to (null for no bound), strictly after
// ($afterAt, $afterId) or strictly before ($beforeAt, $beforeId) a message when given; at most $limit.
CALL () {
  MATCH (x:Entity)-[:SENT]->(m:Message)-[:TO]->(y:Entity)
  WHERE $group IS NULL AND ((x.id = $a AND y.id = $b) OR (x.id = $b AND y.id = $a))
  RETURN m
  UNION
  // The groups both were in, each with both parties' membership periods, found once: each post is then checked
  // against them in memory instead of looking up both parties' memberships again for every post.
  MATCH (pa:Entity {id: $a})-[ra:IN_GROUP]->(g:ChatGroup)<-[rb:IN_GROUP]-(pb:Entity {id: $b})
  WHERE $group IS NULL
  WITH pa, pb, g, collect(DISTINCT [ra.from, ra.to]) AS aPeriods, collect(DISTINCT [rb.from, rb.to]) AS bPeriods
  WITH pa, pb, collect({group: g, a: aPeriods, b: bPeriods}) AS shared
  UNWIND [pa, pb] AS x
  MATCH (x)-[:SENT]->(m:Message)-[:POSTED_IN]->(g:ChatGroup)
  WITH m, date(m.sentAt) AS day, [one IN shared WHERE one.group = g][0] AS both
  WHERE both IS NOT NULL
    AND any(p IN both.a WHERE (p[0] IS NULL OR p[0] <= day) AND (p[1] IS NULL OR day <= p[1]))
    AND any(p IN both.b WHERE (p[0] IS NULL OR p[0] <= day) AND (p[1] IS NULL OR day <= p[1]))
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
