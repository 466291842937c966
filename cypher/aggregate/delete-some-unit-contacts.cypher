// Deletes up to 10,000 pairs of the aggregate per unit; run until it deletes none.
MATCH (n:UnitContacts)
WITH n LIMIT 10000
DELETE n
RETURN count(*) AS deleted
