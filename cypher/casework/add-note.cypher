// A new note, version 1, on an entity that exists.
MATCH (e:Entity {id: $entityId})
CREATE (n:Note:CaseWork {id: $id, entityId: $entityId, text: $text, author: $author, createdAt: $at, updatedAt: $at,
                         version: 1, links: $links, deleted: false, history: [], editedBy: $author})
RETURN n {.*} AS note
