// Writes a batch of relationships, idempotent by (from, type, to): $rows = [{from, type, to, properties: {..}}].
// Returns created / updated / unchanged per type, and how many rows named an end that does not exist.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing]->(b)
  WHERE type(existing) = row.type
WITH row, a, b, a IS NULL OR b IS NULL AS dangling, existing IS NULL AS isNew,
     existing IS NOT NULL AND all(key IN keys(row.properties) WHERE existing[key] = row.properties[key]) AS same
CALL (row, a, b, dangling, same) {
  WITH row, a, b, dangling, same
  WHERE NOT dangling AND NOT same
  MERGE (a)-[r:$(row.type)]->(b)
  SET r += row.properties
}
RETURN row.type AS kind,
       sum(CASE WHEN isNew AND NOT dangling THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT isNew AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN dangling THEN 1 ELSE 0 END) AS dangling
