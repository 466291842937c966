// Claims on one topic ($topic), in the order they were made; with $minSource and $minIntelligence (a minimum grade),
// only those graded at least that well, by their own grade or else their source's.
MATCH (c:Claim {topic: $topic})
OPTIONAL MATCH (c)-[:STATED_BY]->(s:Source)
WITH c, CASE WHEN c.grade IS NOT NULL THEN c ELSE s END AS graded
WHERE $minSource IS NULL OR (graded.gradeSource <= $minSource AND graded.gradeIntelligence <= $minIntelligence)
RETURN c
ORDER BY c.asOf, c.id
