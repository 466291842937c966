// One step of a neighbourhood: for each node in $frontier, up to $perNodeLimit + 1 of its neighbours
// (structure before messages, heaviest contacts first, then by id), through relationships of $kinds (null for any),
// valid on $asOf (relationships and nodes whose from..to holds the day, or that carry no dates).
// Messages come last, so a node's messages are read only where its other neighbours leave room: an officer's
// hundreds of messages are neither fetched nor sorted when their contacts fill the limit.
// Each link names its relationship (element id, type, direction from n, count); the relationship's properties only
// when $edgeProperties, as a contact's month arrays cost more to read than the rest of the link.
UNWIND $frontier AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Message AND ($kinds IS NULL OR type(r) IN $kinds)
    AND ($asOf IS NULL OR (
      (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR $asOf <= r.to)
      AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR $asOf <= m.to)))
  WITH n, r, m
  ORDER BY coalesce(r.count, 0) DESC, m.id
  LIMIT $perNodeLimit + 1
  RETURN collect({m: m, r: elementId(r), type: type(r), outgoing: startNode(r) = n, count: r.count,
                  properties: CASE WHEN $edgeProperties THEN properties(r) END}) AS others
}
CALL (n, others) {
  WITH n WHERE size(others) <= $perNodeLimit
  MATCH (n)-[r]-(m:Message)
  WHERE ($kinds IS NULL OR type(r) IN $kinds)
    AND ($asOf IS NULL OR (
      (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR $asOf <= r.to)
      AND (m.from IS NULL OR m.from <= $asOf) AND (m.to IS NULL OR $asOf <= m.to)))
  WITH n, r, m
  ORDER BY coalesce(r.count, 0) DESC, m.id
  LIMIT $perNodeLimit + 1
  RETURN collect({m: m, r: elementId(r), type: type(r), outgoing: startNode(r) = n, count: r.count,
                  properties: CASE WHEN $edgeProperties THEN properties(r) END}) AS messages
}
RETURN n, (others + messages)[..$perNodeLimit + 1] AS links
