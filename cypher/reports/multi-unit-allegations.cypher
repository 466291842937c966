// name: multi-unit-allegations
// title: Officers with allegations in more than one unit
// description: Officers whose allegations belong to two or more units (each allegation to the unit the officer was
// description: in on the day it was recorded, or else the last unit before it).
// column: officer The officer's id
// column: name Their name
// column: units The units, in the order of their first allegation there
// column: allegations How many allegations in all
MATCH (allegation:Allegation)-[:AGAINST]->(officer:Person)
CALL (allegation, officer) {
  // include: allegation-team
}
WITH officer, unit, min(allegation.reported) AS first, count(allegation) AS allegations
ORDER BY first
WITH officer, collect(unit.name) AS units, sum(allegations) AS allegations
WHERE size(units) > 1
RETURN officer.id AS officer, officer.name AS name, units, allegations
ORDER BY officer
