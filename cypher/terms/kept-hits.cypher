// The hits kept for a version of a term list ($id: name:version) and the generation of the data as it is now, which
// hits worked out by this read are kept under. The hits are read if they were worked out from the data as it is now,
// or from data that only writes the generation's log follows have changed since: then `changed` holds the ids those
// writes changed, whose messages are read again to bring the hits up to date (null otherwise). No hits: none are kept,
// or the data changed more than the log follows. `hits` is their head (the counts and the first messages hit); `rest`,
// the others, is read when they are brought up to date or $whole asks for them all.
// $decoded is the stamp of the hits this version last had read from the store or kept there, still in memory (null
// for none), with every message hit if $decodedAll: while the store keeps the same stamp, `inMemory` says so and what
// memory holds is not read again (at 10,000,000 messages the rest is 10 MB).
MATCH (g:InputsGeneration {name: 'term-hits'})
OPTIONAL MATCH (h:TermListHits {id: $id})
WITH g, h, h.generation = g.n AS current,
     h.generation < g.n AND h.generation >= coalesce(g.completeSince, g.n) AS followed
WITH g, h, current, followed, coalesce(current OR followed, false) AND h.stamp = $decoded AS inMemory
// The log's two arrays read once each: an element read from the property reads the whole array again.
WITH g, h, current, followed, coalesce(inMemory, false) AS inMemory,
     CASE WHEN followed THEN g.changedIn END AS changedIn, CASE WHEN followed THEN g.changed END AS changed
RETURN g.n AS generation, inMemory,
       CASE WHEN (current OR followed) AND NOT inMemory THEN h.hits END AS hits,
       CASE WHEN ((current AND $whole) OR followed) AND NOT (inMemory AND $decodedAll) THEN h.rest END AS rest,
       CASE WHEN followed THEN [i IN range(0, size(changedIn) - 1) WHERE changedIn[i] > h.generation | changed[i]]
       END AS changed
