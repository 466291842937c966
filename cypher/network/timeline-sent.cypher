// Messages sent per month (yyyymm, in each message's own offset) from $from to $to (instants; null for no
// bound) by a person ($id a Person), by a unit's members while members ($id a Unit), or in a chat group ($id a
// ChatGroup).
MATCH (subject:Entity {id: $id})
CALL (subject) {
  MATCH (subject:Person)-[:SENT]->(m:Message)
  RETURN m
  UNION ALL
  MATCH (subject:Unit)<-[:IN_UNIT]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(:Person)-[:SENT]->(m:Message)
  WHERE (ms.from IS NULL OR ms.from <= date(m.sentAt)) AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)
  RETURN m
  UNION ALL
  MATCH (subject:ChatGroup)<-[:POSTED_IN]-(m:Message)
  RETURN m
}
WITH m
WHERE m.sentAt IS NOT NULL AND ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
RETURN m.sentAt.year * 100 + m.sentAt.month AS month, count(*) AS sent
ORDER BY month
