// Undoes merge $merge of $absorbed into $survivor: moves back exactly the relationships it moved (those whose
// mergedBy list ends with it), as they were, and deletes its SAME_AS. Returns how many relationships moved back.
MATCH (a:Entity {id: $absorbed}), (s:Entity {id: $survivor})
CALL (a, s) {
  MATCH (s)-[r]->(o)
  WHERE r.mergedBy IS NOT NULL AND r.mergedBy[-1] = $merge
  CREATE (a)-[n:$(type(r))]->(o)
  SET n = properties(r), n.mergedBy = CASE WHEN size(r.mergedBy) > 1 THEN r.mergedBy[0..-1] END
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (a, s) {
  MATCH (o)-[r]->(s)
  WHERE r.mergedBy IS NOT NULL AND r.mergedBy[-1] = $merge
  CREATE (o)-[n:$(type(r))]->(a)
  SET n = properties(r), n.mergedBy = CASE WHEN size(r.mergedBy) > 1 THEN r.mergedBy[0..-1] END
  DELETE r
  RETURN count(*) AS incoming
}
MATCH (a)-[same:SAME_AS {merge: $merge}]->(s)
DELETE same
RETURN outgoing + incoming AS moved
