// Everyone an account may belong to: each person not merged into another, with their name, their phone numbers,
// the handles of the other accounts they use (with the groups those were seen in) and their own chat groups.
MATCH (p:Person)
WHERE NOT EXISTS { (p)-[:SAME_AS]->() }
RETURN p.id AS id, p.name AS name,
       COLLECT { MATCH (p)-[:USES]->(a:Account {kind: 'PHONE'}) RETURN a.handle } AS phones,
       COLLECT {
         MATCH (p)-[:USES]->(a:Account)
         WHERE a.kind <> 'PHONE'
         RETURN {handle: a.handle, groups: COLLECT { MATCH (a)-[:IN_GROUP]->(g:ChatGroup) RETURN g.id }}
       } AS handles,
       COLLECT { MATCH (p)-[:IN_GROUP]->(g:ChatGroup) RETURN g.id } AS groups
ORDER BY id
