// Which of $ids name an entity of the case.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
