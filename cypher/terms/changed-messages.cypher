// The messages whose ids are among $ids (what a write changed, and the messages hit of the people it changed), each
// with its sender, as the candidates' statements read them: those deleted or no longer sent by anyone are not read.
UNWIND $ids AS id
MATCH (s)-[:SENT]->(m:Message {id: id})
RETURN m.id AS id, m.sentAt AS sentAt, m.body AS body, s.id AS sender
