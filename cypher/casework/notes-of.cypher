// The live notes on each of $ids, oldest first, keyed by entity.
UNWIND $ids AS key
MATCH (n:Note {entityId: key})
WHERE NOT n.deleted
RETURN key, n {.*} AS note
ORDER BY n.createdAt, n.id
