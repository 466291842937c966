// Every unit membership with its dates: a message counts within a unit when sender and recipient were both members
// on the day it was sent.
MATCH (p:Person)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
RETURN u.id AS unit, p.id AS person, m.from AS from, m.to AS to
