// Writes a batch of relationships: $rows = [{from, type, to, properties: {..}}]. Idempotent by (from, type, to).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties
