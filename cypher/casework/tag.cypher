// Puts a tag on entities: the tag is created (or takes the colour given), each entity carries its name once, and
// the tag counts the entities that carry it.
MERGE (t:Tag:CaseWork {name: $name})
  ON CREATE SET t.id = 'tag:' + $name, t.colour = coalesce($colour, $defaultColour), t.count = 0, t.createdAt = $at,
                t.createdBy = $by
SET t.colour = coalesce($colour, t.colour)
WITH t
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH t, e, NOT $name IN coalesce(e.tags, []) AS fresh
SET e.tags = CASE WHEN fresh THEN coalesce(e.tags, []) + $name ELSE e.tags END
WITH t, sum(CASE WHEN fresh THEN 1 ELSE 0 END) AS added
SET t.count = t.count + added
RETURN t {.*} AS tag
