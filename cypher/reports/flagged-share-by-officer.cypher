// name: flagged-share-by-officer
// title: Flagged-message share per officer
// description: For each officer who sent a flagged message (discriminatory, sexualised, violent or threatening),
// description: how many of the messages they sent were flagged.
// param: from DateTime = null Only messages sent from this instant on
// param: to DateTime = null Only messages sent up to this instant
// param: limit Integer = 100 How many officers, highest share first
// column: officer The officer's id
// column: name Their name
// column: messages Messages they sent
// column: flagged Flagged messages among them
// column: share flagged / messages
MATCH (p:Officer)-[:SENT]->(m:Message)
WHERE ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
WITH p, count(m) AS messages, count(CASE WHEN m.flagged THEN 1 END) AS flagged
WHERE flagged > 0
RETURN p.id AS officer, p.name AS name, messages, flagged, round(toFloat(flagged) / messages, 4) AS share
ORDER BY share DESC, flagged DESC, officer
LIMIT $limit
