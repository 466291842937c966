// Every relationship between nodes of the case for an export, but the who-messaged-whom aggregate
// (an import derives it again); in a stable order.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT r:CONTACTED
RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
ORDER BY from, type, to
