// Every note on one entity, oldest first, the deleted ones too when $includeDeleted.
MATCH (n:Note {entityId: $entityId})
WHERE $includeDeleted OR NOT n.deleted
RETURN n {.*} AS note
ORDER BY n.createdAt, n.id
