// Writes a batch of nodes: $rows = [{id, labels: [..], properties: {..}}]. Idempotent by id.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels), n += row.properties
