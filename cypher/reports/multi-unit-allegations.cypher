// name: multi-unit-allegations
// title: Officers with allegations in more than one unit
// description: Officers whose allegations belong to two or more units (each allegation to the unit the officer was
// description: in on the day it was recorded, or else the last unit before it).
// column: officer The officer's id
// column: name Their name
// column: units The units, in the order of their first allegation there
// column: allegations How many allegations in all
MATCH (al:Allegation)-[:AGAINST]->(o:Person)
CALL (al, o) {
  MATCH (o)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  WHERE m.from IS NULL OR m.from <= al.reported
  RETURN u
  ORDER BY CASE WHEN m.to IS NULL OR al.reported <= m.to THEN 0 ELSE 1 END, m.from DESC
  LIMIT 1
}
WITH o, u, min(al.reported) AS first, count(al) AS allegations
ORDER BY first
WITH o, collect(u.name) AS units, sum(allegations) AS allegations
WHERE size(units) > 1
RETURN o.id AS officer, o.name AS name, units, allegations
ORDER BY officer
