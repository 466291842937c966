// Who among everyone with an allegation (any category, any time) messaged each of the people in $ids: each pair's
// counts and first and last message, read from the CONTACTED aggregate (no months: nothing reads them). The
// allegation spread keeps each officer's pairs until the next write, so that a spread reads only those of its officers
// it has not read since. Walked into each officer: the officers with allegations send more than they receive (at tier
// M 57,314 pairs out of the 439 against 26,863 in), and each officer's senders are all a spread needs.
MATCH (:Allegation)-[:AGAINST]->(a:Person)
WITH collect(DISTINCT a) AS alleged
UNWIND $ids AS id
MATCH (p:Entity {id: id})
MATCH (p)<-[c:CONTACTED]-(b)
WHERE b IN alleged
RETURN b.id AS sender, p.id AS recipient, c.count AS count, c.groupCount AS groupCount, c.first AS first,
       c.last AS last
