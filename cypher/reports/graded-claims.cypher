// name: graded-claims
// title: Claims by grade
// description: Every claim with its source and the 3x5x2 grade it is read at (its own, or else its source's); with a minimum grade, only those graded at least that well.
// param: minGrade Grade = null A minimum grade, such as 2B: source evaluation 1 to 3 and intelligence assessment A to E
// column: topic What the claim is about
// column: claim The claim
// column: source The source that states it
// column: value The figure it gives, if any
// column: grade The grade it is read at (empty when neither it nor its source is graded)
// column: gradedOn CLAIM when the claim's own grade, SOURCE when its source's
MATCH (c:Claim)-[:STATED_BY]->(s:Source)
WITH c, s, CASE WHEN c.grade IS NOT NULL THEN c WHEN s.grade IS NOT NULL THEN s END AS graded
WHERE $minGrade IS NULL
   OR (graded.gradeSource <= toInteger(left($minGrade, 1)) AND graded.gradeIntelligence <= substring($minGrade, 1, 1))
RETURN c.topic AS topic, c.id AS claim, s.label AS source, c.value AS value, graded.grade AS grade,
       CASE WHEN graded IS NULL THEN null WHEN graded = c THEN 'CLAIM' ELSE 'SOURCE' END AS gradedOn
ORDER BY topic, claim
