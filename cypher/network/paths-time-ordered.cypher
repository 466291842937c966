// Chains along which a message could have been passed on: who-messaged-whom (CONTACTED) followed in the
// direction sent, each contact's span (first..last) reaching past the time the chain arrived at its sender.
// Shortest first, at most $k (up to 25), at most $maxLength long, avoiding people with more than $maxDegree
// relationships (null for no bound).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 (
  (a) ((x)-[r:CONTACTED]->(y) WHERE $maxDegree IS NULL OR y = b OR COUNT { (y)--() } <= $maxDegree)+ (b)
  WHERE size(r) <= $maxLength
    AND reduce(t = datetime('0001-01-01T00:00:00Z'), c IN r |
          CASE WHEN t IS NULL OR c.last < t THEN null WHEN c.first > t THEN c.first ELSE t END) IS NOT NULL)
RETURN p
LIMIT toInteger($k)
