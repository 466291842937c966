// Takes a tag off entities; a tag no entity carries any longer is forgotten.
MATCH (t:Tag {name: $name})
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH t, e, $name IN coalesce(e.tags, []) AS had
SET e.tags = [x IN coalesce(e.tags, []) WHERE x <> $name]
WITH t, sum(CASE WHEN had THEN 1 ELSE 0 END) AS removed
SET t.count = t.count - removed
WITH t, t {.name, .colour, .count} AS tag
CALL (t) { WITH t WHERE t.count <= 0 DELETE t }
RETURN tag
