// Records by id, for the two sides of candidates and merges.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id AS key, n
