// Keeps the hits of a version of a term list ($id, $list, $version; $hits and $rest encoded: the head of counts and
// first messages hit, and the others, both carrying $stamp; $messages of them) worked out from the data at
// $generation, unless a write has changed that data since: the generation's node is locked first, so a change
// committing now either waits for this write (and leaves these hits out of date) or has raised the generation already
// (and nothing is kept).
MATCH (g:InputsGeneration {name: 'term-hits'})
SET g.locked = true
WITH g
WHERE g.n = $generation
MERGE (h:TermListHits {id: $id})
SET h.list = $list, h.version = $version, h.generation = $generation, h.hits = $hits, h.rest = $rest,
    h.stamp = $stamp, h.messages = $messages
RETURN count(h) AS kept
