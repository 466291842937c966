// name: flagged-share-by-unit
// title: Flagged-message share per unit
// description: For each unit, the messages its members sent while members, and how many were flagged.
// param: from DateTime = null Only messages sent from this instant on
// param: to DateTime = null Only messages sent up to this instant
// column: unit The unit
// column: messages Messages its members sent while members
// column: flagged Flagged messages among them
// column: share flagged / messages
MATCH (u:Unit)<-[:IN_UNIT]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(:Person)-[:SENT]->(m:Message)
WHERE ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
  AND (m.sentAt IS NULL OR ((ms.from IS NULL OR ms.from <= date(m.sentAt)) AND (ms.to IS NULL OR date(m.sentAt) <= ms.to)))
WITH u, count(DISTINCT m) AS messages, count(DISTINCT CASE WHEN m.flagged THEN m END) AS flagged
RETURN u.name AS unit, messages, flagged, round(toFloat(flagged) / messages, 4) AS share
ORDER BY share DESC, unit
