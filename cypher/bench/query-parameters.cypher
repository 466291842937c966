// What `bench queries` asks about, picked from the data: the unit with most members, two of its members who
// never messaged each other directly (or any two), a member of another unit, the investigation with most links,
// the latest message time, the most common allegation category, the first member's most frequent contact, the
// latest flagged group message, and the latest one sent a year or more before the latest message.
MATCH (u:Unit)<-[:IN_UNIT]-(:Membership)
WITH u, count(*) AS members
ORDER BY members DESC, u.id
LIMIT 1
MATCH (u)<-[:IN_UNIT]-(:Membership)<-[:HAS_MEMBERSHIP]-(p:Person)
WITH u, collect(DISTINCT p) AS people
WITH u, people[0] AS a, people
OPTIONAL CALL (a, people) {
  UNWIND people AS b
  WITH b WHERE b <> a AND NOT EXISTS { (a)-[:CONTACTED]-(b) }
  RETURN b LIMIT 1
}
WITH u, a, coalesce(b, people[1]) AS b
OPTIONAL CALL (u) {
  MATCH (other:Unit)<-[:IN_UNIT]-(:Membership)<-[:HAS_MEMBERSHIP]-(c:Person)
  WHERE other <> u
  RETURN c ORDER BY c.id LIMIT 1
}
OPTIONAL CALL () {
  MATCH (i:Investigation)
  RETURN i ORDER BY COUNT { (i)-[:LINKED_TO]-() } DESC, i.id LIMIT 1
}
OPTIONAL CALL () {
  MATCH (m:Message) WHERE m.sentAt IS NOT NULL
  RETURN m.sentAt AS lastMessage ORDER BY m.sentAt DESC LIMIT 1
}
OPTIONAL CALL () {
  MATCH (al:Allegation)
  RETURN al.category AS category, al.reported AS reported ORDER BY al.reported DESC LIMIT 1
}
OPTIONAL CALL (a) {
  MATCH (a)-[k:CONTACTED]-(partner)
  RETURN partner ORDER BY k.count DESC, partner.id LIMIT 1
}
OPTIONAL CALL () {
  MATCH (m:Message {flagged: true})-[:POSTED_IN]->(:ChatGroup)
  RETURN m AS groupMessage ORDER BY m.sentAt DESC, m.id LIMIT 1
}
OPTIONAL CALL (lastMessage) {
  MATCH (m:Message {flagged: true})-[:POSTED_IN]->(:ChatGroup)
  WHERE m.sentAt <= lastMessage - duration({years: 1})
  RETURN m AS earlierGroupMessage ORDER BY m.sentAt DESC, m.id LIMIT 1
}
RETURN u.id AS unit, a.id AS officer, b.id AS stranger, c.id AS otherUnitOfficer, i.id AS investigation,
       lastMessage, category, reported, partner.id AS partner, groupMessage.id AS groupMessage,
       earlierGroupMessage.id AS earlierGroupMessage
