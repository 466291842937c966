// The hits kept for a version of a term list ($id: name:version) if they were worked out from the data as it is now
// (null otherwise), and the generation of that data, which hits worked out by this read are kept under.
MATCH (g:InputsGeneration {name: 'term-hits'})
OPTIONAL MATCH (h:TermListHits {id: $id})
  WHERE h.generation = g.n
RETURN g.n AS generation, h.hits AS hits
