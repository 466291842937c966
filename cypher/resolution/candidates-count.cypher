// How many match candidates are still to decide (as candidates-page.cypher lists them).
MATCH (c:MatchCandidate)
WHERE c.status IN ['OPEN', 'UNSURE']
  AND NOT EXISTS { MATCH (x:Entity)-[:SAME_AS]->() WHERE x.id IN [c.left, c.right] }
RETURN count(c) AS count
