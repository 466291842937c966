// The messages whose body a term list's regular expressions match ($patterns, each wrapped as (?is).*(?:...).*: any
// case, anywhere), sent in the window ($from, $to: null for no bound): read from every body, since an index cannot
// answer a pattern; those of part $part of $parts (by the node's number), so that the parts can be read side by side.
// Each with its sender.
MATCH (s)-[:SENT]->(m:Message)
WHERE id(m) % $parts = $part AND m.body IS NOT NULL AND ($from IS NULL OR m.sentAt >= $from)
  AND ($to IS NULL OR m.sentAt <= $to) AND any(p IN $patterns WHERE m.body =~ p)
RETURN m.id AS id, m.sentAt AS sentAt, m.body AS body, s.id AS sender
