// name: allegation-categories-by-unit-month
// title: Allegation categories by unit and month
// description: Allegations per unit, month recorded and category. An allegation belongs to the unit its officer
// description: was in on the day it was recorded, or else the last unit before it.
// param: from Date = null Only allegations recorded from this day on
// param: to Date = null Only allegations recorded up to this day
// column: unit The unit (empty when the officer was never in one)
// column: month The month recorded (yyyy-mm)
// column: category The category
// column: allegations How many
// column: officers How many officers they are against
MATCH (al:Allegation)-[:AGAINST]->(o:Person)
WHERE ($from IS NULL OR al.reported >= $from) AND ($to IS NULL OR al.reported <= $to)
OPTIONAL CALL (al, o) {
  MATCH (o)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  WHERE m.from IS NULL OR m.from <= al.reported
  RETURN u
  ORDER BY CASE WHEN m.to IS NULL OR al.reported <= m.to THEN 0 ELSE 1 END, m.from DESC
  LIMIT 1
}
WITH coalesce(u.name, '') AS unit, toString(al.reported.year) + '-' + right('0' + toString(al.reported.month), 2) AS month,
     al.category AS category, count(al) AS allegations, count(DISTINCT o) AS officers
RETURN unit, month, category, allegations, officers
ORDER BY unit, month, category
