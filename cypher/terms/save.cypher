// Saves the next version of a term list: $name, $texts and $regex (parallel: each term, and whether it is a regular
// expression), $note, $by, $at. The list's head node is locked before its version is read, so two saves of one list at
// once get two versions.
MERGE (h:TermListHead {name: $name})
SET h.locked = true
WITH h
SET h.version = coalesce(h.version, 0) + 1
CREATE (l:TermList {id: $name + ':' + h.version, name: $name, version: h.version, terms: $texts, regex: $regex,
                    note: $note, createdBy: $by, createdAt: $at})
RETURN properties(l) AS list
