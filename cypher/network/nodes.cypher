// Nodes by id, in the order given.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n
