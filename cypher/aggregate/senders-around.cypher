// The senders whose pairs in the aggregate change when the people or accounts $ids change hands (a merge or its
// undo): they, and everyone who messaged them.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  RETURN n.id AS sender
  UNION
  MATCH (n)<-[:CONTACTED]-(s)
  RETURN s.id AS sender
}
RETURN DISTINCT sender
ORDER BY sender
