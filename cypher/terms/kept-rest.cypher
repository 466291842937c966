// The rest of the hits kept for a version of a term list ($id: name:version), after the head an earlier read took:
// the messages hit after the first ones, for a scope's ask that needs them all.
MATCH (h:TermListHits {id: $id})
RETURN h.rest AS rest
