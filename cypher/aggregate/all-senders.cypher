// Everyone (person or account not yet tied to one) who sent a message, and how many: the work of counting the
// aggregate again from every message.
MATCH (a)-[:SENT]->(m:Message)
RETURN a.id AS sender, count(m) AS messages
ORDER BY sender
