// Writes a batch of new messages with their sender and group: $rows = [{id, sender, group, properties: {..}}].
// A message is a record of what was sent: ids already in the graph are left out before this runs (counted
// unchanged), so messages are CREATEd, not merged. New messages are marked PendingContacts for the
// who-messaged-whom aggregate. Returns how many were written and how many named a group that does not exist;
// a row whose sender does not exist writes nothing.
UNWIND $rows AS row
MATCH (s:Entity {id: row.sender})
OPTIONAL MATCH (g:ChatGroup {id: row.group})
WITH row, s, g
WHERE row.group IS NULL OR g IS NOT NULL
CREATE (m:Entity:Message:PendingContacts)
SET m = row.properties
CREATE (s)-[:SENT]->(m)
FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (m)-[:POSTED_IN]->(g))
RETURN count(m) AS created
