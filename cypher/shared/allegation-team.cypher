// The team an allegation belongs to: the unit its officer was in on the day it was recorded, or else the last
// unit before it (none if the officer was never in one). Inside CALL (allegation, officer) { ... }; returns unit.
MATCH (officer)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(unit:Unit)
WHERE m.from IS NULL OR m.from <= allegation.reported
RETURN unit
ORDER BY CASE WHEN m.to IS NULL OR allegation.reported <= m.to THEN 0 ELSE 1 END, m.from DESC
LIMIT 1
