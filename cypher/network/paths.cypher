// The shortest paths between two entities, shortest first, at most $k of them (up to 25): through
// relationships of $kinds (null for any), in either direction, at most $maxLength long, not passing through
// a node with more than $maxDegree relationships (null for no bound).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 (
  (a) ((x)-[r]-(y) WHERE ($kinds IS NULL OR type(r) IN $kinds)
                     AND ($maxDegree IS NULL OR y = b OR COUNT { (y)--() } <= $maxDegree))+ (b)
  WHERE size(r) <= $maxLength)
RETURN p
LIMIT toInteger($k)
