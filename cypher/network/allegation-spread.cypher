// Allegations of $category (null for any) recorded from $from to $to (null for no bound), each with the
// officer it is against and the team the officer was in on the day it was recorded (or, if none then, the
// last team before it; null if the officer was never in one).
MATCH (allegation:Allegation)-[:AGAINST]->(officer:Person)
WHERE ($category IS NULL OR allegation.category = $category)
  AND ($from IS NULL OR allegation.reported >= $from)
  AND ($to IS NULL OR allegation.reported <= $to)
OPTIONAL CALL (allegation, officer) {
  MATCH (officer)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(unit:Unit)
  WHERE m.from IS NULL OR m.from <= allegation.reported
  RETURN unit
  ORDER BY CASE WHEN m.to IS NULL OR allegation.reported <= m.to THEN 0 ELSE 1 END, m.from DESC
  LIMIT 1
}
RETURN allegation, officer, unit
ORDER BY allegation.reported, allegation.id
