// One merge in force by id, and whether its survivor has been merged into another record since.
MATCH (m:Merge {id: $id})
RETURN m {.*} AS merge,
       COLLECT { MATCH (:Entity {id: m.survivor})-[s:SAME_AS]->(y) RETURN y.id + ' by ' + s.merge } AS mergedSince
