// Every path of the shortest length between two entities: through relationships of $kinds (null for any),
// in either direction, at most $maxLength long, not passing through a node with more than $maxDegree
// relationships (null for no bound).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (
  (a) ((x)-[r]-(y) WHERE ($kinds IS NULL OR type(r) IN $kinds)
                     AND ($maxDegree IS NULL OR y = b OR COUNT { (y)--() } <= $maxDegree))+ (b)
  WHERE size(r) <= $maxLength)
RETURN p
LIMIT toInteger($k)
