// Accounts not tied to a person and not merged into anything, with what may tie them to someone: the handle (a
// number or a display name) and the chat groups they were in.
MATCH (a:Account)
WHERE a.resolved = false AND NOT EXISTS { (a)-[:SAME_AS]->() }
RETURN a.id AS id, a.handle AS handle,
       COLLECT { MATCH (a)-[:IN_GROUP]->(g:ChatGroup) RETURN g.id ORDER BY g.id } AS groups
ORDER BY id
