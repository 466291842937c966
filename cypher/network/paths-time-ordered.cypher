// Chains along which a message could have been passed on: who-messaged-whom (CONTACTED) followed in the
// direction sent, each contact's span (first..last) reaching past the time the chain arrived at its sender.
// Shortest first, at most $k (up to 25), at most $maxLength long, avoiding people with more than $maxDegree
// relationships (null for no bound).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 GROUPS (
  (a) ((x)-[r:CONTACTED]->(y) WHERE $maxDegree IS NULL OR y = b OR COUNT { (y)--() } <= $maxDegree)+ (b)
  WHERE size(r) <= $maxLength
    AND reduce(t = datetime('0001-01-01T00:00:00Z'), c IN r |
          CASE WHEN t IS NULL OR c.last < t THEN null WHEN c.first > t THEN c.first ELSE t END) IS NOT NULL)
// Ties are broken the same way on every store: shorter first, then heavier (the messages of the contacts it
// follows), then by the ids along it. The search stops at $candidates paths (in order of length); the caller says
// when that may have left out an equal.
WITH p LIMIT $candidates
WITH collect(p) AS found
UNWIND found AS p
WITH p, size(found) AS candidates,
     reduce(longest = 0, q IN found | CASE WHEN length(q) > longest THEN length(q) ELSE longest END) AS longest,
     reduce(messages = 0, r IN relationships(p) | messages + coalesce(r.count, 0)) AS weight
ORDER BY length(p), weight DESC, [n IN nodes(p) | n.id]
RETURN p, candidates, longest
LIMIT toInteger($k)
