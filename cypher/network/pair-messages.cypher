// The times of the messages each sender sent within some spans of time that reached some recipients: directly, or
// in a group the recipient was in on the day (the CONTACTED aggregate's rule). Used for the few months a membership
// or a time window cuts through. $senders = [{sender, recipients: [id], ranges: [{start, end}]}]: each sender once,
// so that its sent messages are walked once rather than once for each of its pairs' months (a unit's network over
// three months: 149 months of 9 senders, 30.7 to 8.0 ms at tier M). A row may fall in another recipient's span: the
// caller keeps each pair's own.
UNWIND $senders AS item
MATCH (a:Entity {id: item.sender})
CALL (item) {
  UNWIND item.recipients AS id
  MATCH (b:Entity {id: id})
  RETURN collect(b) AS recipients
}
MATCH (a)-[:SENT]->(m:Message)
WHERE any(range IN item.ranges WHERE range.start <= m.sentAt <= range.end)
CALL (m, recipients) {
  MATCH (m)-[:TO]->(b)
  WHERE b IN recipients
  RETURN b
  UNION
  MATCH (m)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(b)
  WHERE b IN recipients AND (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
  RETURN b
}
RETURN item.sender AS sender, b.id AS recipient, m.sentAt AS sentAt, m.channel AS channel
