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
MATCH (allegation:Allegation)-[:AGAINST]->(officer:Person)
WHERE ($from IS NULL OR allegation.reported >= $from) AND ($to IS NULL OR allegation.reported <= $to)
OPTIONAL CALL (allegation, officer) {
  // include: allegation-team
}
WITH coalesce(unit.name, '') AS unit,
     toString(allegation.reported.year) + '-' + right('0' + toString(allegation.reported.month), 2) AS month,
     allegation.category AS category, count(allegation) AS allegations, count(DISTINCT officer) AS officers
RETURN unit, month, category, allegations, officers
ORDER BY unit, month, category
