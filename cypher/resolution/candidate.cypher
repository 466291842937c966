// One match candidate by id, and whether either of its records has been merged into another since.
MATCH (c:MatchCandidate {id: $id})
RETURN c {.*} AS candidate,
       COLLECT { MATCH (x:Entity)-[s:SAME_AS]->(y) WHERE x.id IN [c.left, c.right]
                 RETURN {record: x.id, into: y.id, merge: s.merge} } AS merged,
       COLLECT { MATCH (x:Entity) WHERE x.id IN [c.left, c.right] RETURN x.id } AS existing
