// The tags each of $ids carries, with their colours and counts, keyed by entity.
UNWIND $ids AS key
MATCH (e:Entity {id: key})
UNWIND coalesce(e.tags, []) AS name
MATCH (t:Tag {name: name})
RETURN key, t {.*} AS tag
ORDER BY t.name
