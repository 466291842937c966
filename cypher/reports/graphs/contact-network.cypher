// The who-messaged-whom network as a Graph Data Science projection named $graph: every person (or those whose id
// starts with $idPrefix) a node, every CONTACTED pair a directed relationship weighted by its message count.
MATCH (a:Person)
WHERE $idPrefix IS NULL OR a.id STARTS WITH $idPrefix
OPTIONAL MATCH (a)-[c:CONTACTED]->(b:Person)
WHERE $idPrefix IS NULL OR b.id STARTS WITH $idPrefix
WITH gds.graph.project($graph, a, b, {relationshipProperties: {weight: toFloat(coalesce(c.count, 0))}}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
