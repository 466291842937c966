// The floor of a unit's contact network: every pair of the unit's members (anyone ever a member) read from the
// who-messaged-whom aggregate in one statement, as a hand-written client would, membership dates ignored (so it may
// over-count a pair's messages from before one joined or after one left; contactNetwork counts them exactly).
MATCH (:Unit {id: $unit})<-[:IN_UNIT]-(:Membership)<-[:HAS_MEMBERSHIP]-(p:Person)
WITH collect(DISTINCT p) AS members
UNWIND members AS p
MATCH (p)-[c:CONTACTED]->(b)
WHERE b IN members
RETURN p.id AS sender, b.id AS recipient, c.count AS count, c.first AS first, c.last AS last
