// The investigations linked to one and why: links stored with a reason, subjects in common (officers both
// examine allegations against) and the same operation; with the shared officers and operations.
MATCH (i:Investigation {id: $id})
CALL (i) {
  MATCH (i)-[l:LINKED_TO]-(j:Investigation)
  RETURN j, l.reason AS reason, null AS shared
  UNION ALL
  MATCH (i)-[:EXAMINES]->(:Allegation)-[:AGAINST]->(o:Person)<-[:AGAINST]-(:Allegation)<-[:EXAMINES]-(j:Investigation)
  WHERE j <> i
  RETURN j, 'SHARED_SUBJECT' AS reason, o AS shared
  UNION ALL
  MATCH (i)-[:PART_OF]->(op:Operation)<-[:PART_OF]-(j:Investigation)
  WHERE j <> i
  RETURN j, 'SAME_OPERATION' AS reason, op AS shared
}
RETURN i, j, collect(DISTINCT reason) AS reasons, collect(DISTINCT shared) AS shared
ORDER BY j.id
