// The failure-to-report allegations against some people ($ids), by person (key).
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:AGAINST]-(a:Allegation {category: 'FAILURE_TO_REPORT'})
RETURN id AS key, a
ORDER BY key, a.id
