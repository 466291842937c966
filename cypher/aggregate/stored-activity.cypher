// The activity aggregate as stored, for `check`: one row per sender and month.
MATCH (n:ActivityMonth)
RETURN n.id AS id, n.sender AS sender, n.month AS month, n.hours AS hours, n.counts AS counts, n.flagged AS flagged
