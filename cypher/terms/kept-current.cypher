// Whether the store keeps a version's hits ($id: name:version) worked out from the data as it is now, and the
// generation of that data, which hits worked out by this read are kept under.
MATCH (g:InputsGeneration {name: 'term-hits'})
OPTIONAL MATCH (h:TermListHits {id: $id})
  WHERE h.generation = g.n
RETURN g.n AS generation, h IS NOT NULL AS current
