// Sets the body of the message bench queries edits ($id) to $body, another each run, so that the term hits kept in
// the store have one message to follow: made on first use, at $sentAt, sent by a person who has sent a message.
MERGE (m:Message {id: $id})
  ON CREATE SET m:Entity, m.sentAt = $sentAt, m.channel = 'DIRECT'
SET m.body = $body
WITH m
WHERE NOT EXISTS { ()-[:SENT]->(m) }
MATCH (s:Person)-[:SENT]->(:Message)
WITH m, s
  LIMIT 1
CREATE (s)-[:SENT]->(m)
