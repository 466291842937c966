// The shortest paths between two entities, the first $k of them: through relationships of any type, in either
// direction, at most $maxLength long, not passing through a node with more than $maxDegree relationships (null for
// no bound). For some types only, the caller writes them into the step, (x)-[r:A|B]-(y): a type in the pattern is
// expanded alone, where a filter on type(r) walks every relationship first.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (
  (a) ((x)-[r]-(y) WHERE $maxDegree IS NULL OR y = b OR COUNT { (y)--() } <= $maxDegree)+ (b)
  WHERE size(r) <= $maxLength)
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
