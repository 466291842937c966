// Merges $absorbed into $survivor: moves every relationship of the absorbed record to the survivor, but the
// aggregate's (counted again after) and any between the two, each marked with the merge ($merge, last in its
// mergedBy list) so that the undo finds exactly these; links the absorbed record to the survivor (SAME_AS) so the
// merge is explainable. Returns how many relationships moved.
MATCH (a:Entity {id: $absorbed}), (s:Entity {id: $survivor})
CALL (a, s) {
  MATCH (a)-[r]->(o)
  WHERE NOT r:CONTACTED AND NOT r:SAME_AS AND o <> s
  CREATE (s)-[n:$(type(r))]->(o)
  SET n = properties(r), n.mergedBy = coalesce(r.mergedBy, []) + $merge
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (a, s) {
  MATCH (o)-[r]->(a)
  WHERE NOT r:CONTACTED AND NOT r:SAME_AS AND o <> s
  CREATE (o)-[n:$(type(r))]->(s)
  SET n = properties(r), n.mergedBy = coalesce(r.mergedBy, []) + $merge
  DELETE r
  RETURN count(*) AS incoming
}
CREATE (a)-[:SAME_AS {merge: $merge, by: $by, at: $at}]->(s)
RETURN outgoing + incoming AS moved
