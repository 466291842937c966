// Deletes up to 10,000 months of the activity aggregate; run until it deletes none.
MATCH (n:ActivityMonth)
WITH n LIMIT 10000
DELETE n
RETURN count(*) AS deleted
