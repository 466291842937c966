// Which of some ids ($ids) the graph already holds.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id
