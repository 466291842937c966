// Sets the 3x5x2 grade of a source, a claim or an exhibit ($id): its code and parts, who and when. Returns what was
// graded and its kind, or nothing when no source, claim or exhibit has the id.
CALL () {
  MATCH (n:Source|Claim {id: $id})
  RETURN n
  UNION
  MATCH (n:Exhibit {id: $id})
  RETURN n
}
SET n.grade = $code, n.gradeSource = $sourceEvaluation, n.gradeIntelligence = $intelligence,
    n.gradeHandling = $handling, n.gradedBy = $by, n.gradedAt = $at
RETURN n.id AS id, [label IN labels(n) WHERE label IN ['Source', 'Claim', 'Exhibit']][0] AS kind
