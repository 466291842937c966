// Who could have seen a message ($id): its direct recipients, or the members of its group on the day it was sent
// (dated memberships: someone who joined later never saw it), never its sender; each with how (DIRECT or GROUP).
// One row per person, with how many messages they ever sent (what following them onward would read); none when the
// message does not exist.
MATCH (m:Message {id: $id})
OPTIONAL MATCH (sender)-[:SENT]->(m)
CALL (m) {
  MATCH (m)-[:TO]->(p)
  RETURN p, 'DIRECT' AS via
  UNION
  MATCH (m)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(p)
  WHERE (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
  RETURN p, 'GROUP' AS via
}
WITH m, sender, p, min(via) AS via
WHERE sender IS NULL OR p <> sender
RETURN m.sentAt AS sentAt, sender, p, via, COUNT { (p)-[:SENT]->() } AS sent
ORDER BY p.id
