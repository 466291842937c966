// Who each message reached: its direct recipients, or the members of its group on the day it was sent.
// A sender is never their own contact. Takes $ids (message ids); one row per (message, recipient).
UNWIND $ids AS id
MATCH (a:Person)-[:SENT]->(m:Message {id: id})
CALL (a, m) {
  MATCH (m)-[:TO]->(b:Person)
  WHERE b <> a
  RETURN b
  UNION
  MATCH (m)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(b:Person)
  WHERE b <> a
    AND (m.sentAt IS NULL OR ((r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)))
  RETURN b
}
RETURN a.id AS sender, b.id AS recipient, m.channel AS channel, m.sentAt AS sentAt
