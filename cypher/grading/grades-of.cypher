// The grades of sources, claims or exhibits by id ($ids); nothing for those not graded.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Source|Claim {id: id})
  RETURN n
  UNION
  MATCH (n:Exhibit {id: id})
  RETURN n
}
WITH id, n
WHERE n.grade IS NOT NULL
RETURN id AS key, n {.gradeSource, .gradeIntelligence, .gradeHandling, .gradedBy, .gradedAt} AS grade
