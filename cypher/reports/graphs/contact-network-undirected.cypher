// The who-messaged-whom network as an undirected Graph Data Science projection named $graph, for community
// detection: every person (or those whose id starts with $idPrefix) a node, each CONTACTED pair a relationship
// weighted by its message count (a pair that messaged both ways counts both).
MATCH (a:Person)
WHERE $idPrefix IS NULL OR a.id STARTS WITH $idPrefix
OPTIONAL MATCH (a)-[c:CONTACTED]->(b:Person)
WHERE $idPrefix IS NULL OR b.id STARTS WITH $idPrefix
WITH gds.graph.project($graph, a, b, {relationshipProperties: {weight: toFloat(coalesce(c.count, 0))}},
                       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
