// Keeps the text a note had in its history (as JSON: version, text, at, by), then changes it: a new text, or
// deleted; one more version either way.
MATCH (n:Note {id: $id})
SET n.history = n.history + [$previous],
    n.text = coalesce($text, n.text),
    n.deleted = n.deleted OR $delete,
    n.version = n.version + 1,
    n.updatedAt = $at,
    n.editedBy = $by
RETURN n {.*} AS note
