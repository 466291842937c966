// Writes a batch of nodes, idempotent by id: $rows = [{id, kind, labels: [..], properties: {..}}].
// A node whose given properties already hold is left untouched. A new Message is marked PendingContacts until
// the who-messaged-whom aggregate has counted it. Returns created / updated / unchanged per kind.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing IS NULL AS isNew,
     existing IS NOT NULL AND all(key IN keys(row.properties) WHERE existing[key] = row.properties[key]) AS same
CALL (row, isNew, same) {
  WITH row, isNew, same
  WHERE NOT same
  MERGE (n:Entity {id: row.id})
  SET n:$(row.labels), n += row.properties
  FOREACH (_ IN CASE WHEN isNew AND row.kind = 'Message' THEN [1] ELSE [] END | SET n:PendingContacts)
}
RETURN row.kind AS kind,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged,
       0 AS dangling
