// The officers each investigation ($ids) examines allegations against, once each, by name.
UNWIND $ids AS key
MATCH (:Investigation {id: key})-[:EXAMINES]->(:Allegation)-[:AGAINST]->(n:Officer)
WITH DISTINCT key, n
RETURN key, n
ORDER BY n.name
