// Drops the hits kept in the store for every version of a term list ($list), as a change to the messages leaves them
// out of date: the next ask works them out from the messages again.
MATCH (h:TermListHits {list: $list})
DELETE h
