// The messages of some senders ($senders), every one ($all) or only those not yet counted, with what decides whom
// each reached (its direct recipients and its group) and whether it is flagged. One row per message.
UNWIND $senders AS sender
MATCH (a:Entity {id: sender})-[:SENT]->(m:Message)
WHERE $all OR m:PendingContacts
OPTIONAL MATCH (m)-[:POSTED_IN]->(g:ChatGroup)
RETURN sender, elementId(m) AS message, m:PendingContacts AS pending, g.id AS group, m.sentAt AS sentAt,
       m.channel AS channel, m.flagged AS flagged, COLLECT { MATCH (m)-[:TO]->(b) RETURN b.id } AS recipients
