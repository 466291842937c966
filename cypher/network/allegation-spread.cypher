// Allegations of $category (null for any) recorded from $from to $to (null for no bound), each with the
// officer it is against and the team the officer was in on the day it was recorded (or, if none then, the
// last team before it; null if the officer was never in one).
MATCH (allegation:Allegation)-[:AGAINST]->(officer:Person)
WHERE ($category IS NULL OR allegation.category = $category)
  AND ($from IS NULL OR allegation.reported >= $from)
  AND ($to IS NULL OR allegation.reported <= $to)
OPTIONAL CALL (allegation, officer) {
  // include: allegation-team
}
RETURN allegation, officer, unit
ORDER BY allegation.reported, allegation.id
