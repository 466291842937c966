// The exhibit each of $ids was imported from, keyed by entity.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
WHERE n.exhibit IS NOT NULL
MATCH (x:Exhibit {id: n.exhibit})
RETURN key, x {.*} AS exhibit
