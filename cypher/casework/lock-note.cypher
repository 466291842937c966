// Takes the note's write lock (a write that leaves nothing behind) before its version is read, so that two edits
// from the same version cannot both pass: the second reads the version the first wrote.
MATCH (n:Note {id: $id})
SET n.locked = true
REMOVE n.locked
RETURN n {.*} AS note
