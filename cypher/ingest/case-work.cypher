// Writes case work from an export, idempotent by id: $rows = [{id, kind, labels: [..], properties: {..}}].
// A piece whose given properties already hold is left untouched. Returns created / updated / unchanged per kind.
UNWIND $rows AS row
OPTIONAL MATCH (existing:CaseWork {id: row.id})
WITH row, existing IS NULL AS isNew,
     existing IS NOT NULL AND all(key IN keys(row.properties) WHERE existing[key] = row.properties[key]) AS same
CALL (row, same) {
  WITH row, same
  WHERE NOT same
  MERGE (n:CaseWork {id: row.id})
  SET n:$(row.labels), n += row.properties
}
RETURN row.kind AS kind,
       sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged,
       0 AS dangling
