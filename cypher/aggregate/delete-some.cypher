// Deletes up to 10,000 who-messaged-whom relationships; run until it deletes none.
MATCH ()-[c:CONTACTED]->()
WITH c LIMIT 10000
DELETE c
RETURN count(*) AS deleted
