// name: investigations-sharing-subjects
// title: Investigations that share subjects
// description: Pairs of investigations that examine allegations against the same officers, with those officers.
// column: investigation One investigation's reference
// column: other The other's reference
// column: shared How many officers both examine
// column: officers Their names
MATCH (i:Investigation)-[:EXAMINES]->(:Allegation)-[:AGAINST]->(o:Person)<-[:AGAINST]-(:Allegation)<-[:EXAMINES]-(j:Investigation)
WHERE i.id < j.id
WITH i, j, collect(DISTINCT o.name) AS officers
RETURN i.reference AS investigation, j.reference AS other, size(officers) AS shared, officers
ORDER BY shared DESC, investigation, other
