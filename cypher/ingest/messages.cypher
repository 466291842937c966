// Writes a batch of messages with their sender and group: $rows = [{id, sender, group, properties: {..}}].
// A message is a record of what was sent: an id already in the graph is left as it is (counted unchanged), so new
// messages are CREATEd, not merged. New messages are marked PendingContacts for the who-messaged-whom aggregate.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing IS NOT NULL AS known
OPTIONAL MATCH (s:Entity {id: row.sender})
OPTIONAL MATCH (g:ChatGroup {id: row.group})
WITH row, known, s, g, s IS NULL OR (row.group IS NOT NULL AND g IS NULL) AS dangling
CALL (row, known, s, g, dangling) {
  WITH row, known, s, g, dangling
  WHERE NOT known AND NOT dangling
  CREATE (m:Entity:Message:PendingContacts)
  SET m = row.properties
  CREATE (s)-[:SENT]->(m)
  FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (m)-[:POSTED_IN]->(g))
}
RETURN 'Message' AS kind,
       sum(CASE WHEN NOT known AND NOT dangling THEN 1 ELSE 0 END) AS created,
       0 AS updated,
       sum(CASE WHEN known THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN dangling AND NOT known THEN 1 ELSE 0 END) AS dangling
