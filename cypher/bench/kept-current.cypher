// The versions of a term list ($list) whose hits the store keeps worked out from the data as it is now.
MATCH (g:InputsGeneration {name: 'term-hits'})
MATCH (h:TermListHits {list: $list})
  WHERE h.generation = g.n
RETURN h.version AS version
