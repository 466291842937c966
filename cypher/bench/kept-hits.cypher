// The versions of a term list ($list) whose hits the store keeps.
MATCH (h:TermListHits {list: $list})
RETURN h.version AS version
