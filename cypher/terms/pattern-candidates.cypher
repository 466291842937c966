// The messages whose body a term list's regular expressions match ($patterns, each wrapped as (?is).*(?:...).*: any
// case, anywhere), sent in the window ($from, $to: null for no bound): read from every body, since an index cannot
// answer a pattern. Each with its sender and the units the sender was in that day.
MATCH (s)-[:SENT]->(m:Message)
WHERE m.body IS NOT NULL AND ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
  AND any(p IN $patterns WHERE m.body =~ p)
RETURN m, s.id AS sender,
       COLLECT { MATCH (s)-[:HAS_MEMBERSHIP]->(ms:Membership)-[:IN_UNIT]->(u:Unit)
                 WHERE m.sentAt IS NOT NULL AND (ms.from IS NULL OR ms.from <= date(m.sentAt))
                   AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)
                 RETURN DISTINCT u.id } AS units
