// name: term-flags
// title: A term list's hits against the imported flags
// description: How far a version of a term list agrees with the flags messages arrived with: the messages it hits
// description: that are flagged, those it hits that are not, those flagged that it misses, and those neither; their
// description: counts, their share of all messages (agreement is the first share plus the last) and the first 20 ids
// description: of each, oldest first. Words and phrases are found by the full-text index (whole words, any case),
// description: regular expressions in every body, as termHits finds them. Nothing when no such list or version.
// param: list String (required) The term list's name
// param: version Integer = null Its version; the latest when empty
// column: category HIT_AND_FLAGGED, HIT_NOT_FLAGGED, FLAGGED_NOT_HIT or NEITHER
// column: messages Messages in it
// column: share Their share of all messages
// column: examples Up to 20 of their ids, oldest first
MATCH (l:TermList {name: $list})
WHERE $version IS NULL OR l.version = $version
WITH l
ORDER BY l.version DESC
LIMIT 1
WITH [i IN range(0, size(l.terms) - 1) WHERE NOT l.regex[i] |
       '"' + replace(replace(l.terms[i], '\\', '\\\\'), '"', '\\"') + '"'] AS phrases,
     [i IN range(0, size(l.terms) - 1) WHERE l.regex[i] | '(?is).*(?:' + l.terms[i] + ').*'] AS patterns
CALL (phrases, patterns) {
  CALL (phrases, patterns) {
    WITH phrases
    WHERE size(phrases) > 0
    CALL db.index.fulltext.queryNodes('casegraph_text', reduce(q = head(phrases), p IN tail(phrases) | q + ' OR ' + p))
    YIELD node
    WHERE node:Message
    RETURN node AS m
    UNION
    MATCH (m:Message)
    WHERE size(patterns) > 0 AND m.body IS NOT NULL AND any(p IN patterns WHERE m.body =~ p)
    RETURN m
  }
  WITH m
  ORDER BY m.sentAt, m.id
  RETURN collect(m) AS hits
}
CALL () {
  MATCH (m:Message {flagged: true})
  WITH m
  ORDER BY m.sentAt, m.id
  RETURN collect(m) AS flagged
}
CALL () {
  MATCH (m:Message)
  RETURN count(m) AS total
}
WITH total, hits, flagged, [m IN hits WHERE m.flagged] AS both
UNWIND [{category: 'HIT_AND_FLAGGED', messages: size(both), sample: both[0..20]},
        {category: 'HIT_NOT_FLAGGED', messages: size(hits) - size(both),
         sample: [m IN hits WHERE NOT coalesce(m.flagged, false)][0..20]},
        {category: 'FLAGGED_NOT_HIT', messages: size(flagged) - size(both),
         sample: [m IN flagged WHERE NOT m IN both][0..20]},
        {category: 'NEITHER', messages: total - size(hits) - size(flagged) + size(both), sample: []}] AS row
RETURN row.category AS category, row.messages AS messages,
       CASE WHEN total = 0 THEN 0.0 ELSE round(toFloat(row.messages) / total, 4) END AS share,
       [m IN row.sample | m.id] AS examples
