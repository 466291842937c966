// A page of the match candidates still to decide (open or unsure) whose records are both still unmerged, best score
// first, then by id; $afterRank and $afterId: where the last page ended (null for the first page).
MATCH (c:MatchCandidate)
WHERE c.status IN ['OPEN', 'UNSURE']
  AND NOT EXISTS { MATCH (x:Entity)-[:SAME_AS]->() WHERE x.id IN [c.left, c.right] }
WITH c, toInteger(round(c.score * 10000)) AS rank
WHERE $afterRank IS NULL OR rank < $afterRank OR (rank = $afterRank AND c.id > $afterId)
RETURN c {.*} AS candidate, rank
ORDER BY rank DESC, c.id
LIMIT $limit
