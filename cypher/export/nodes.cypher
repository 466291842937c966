// Every node of the case for an export: its id, its labels but the internal ones, its properties; by id.
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE NOT l IN ['Entity', 'PendingContacts']] AS labels,
       properties(n) AS properties
ORDER BY id
