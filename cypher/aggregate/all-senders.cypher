// Everyone who sent a message, and how many: the work of counting the aggregate again from every message.
MATCH (a:Person)-[:SENT]->(m:Message)
RETURN a.id AS sender, count(m) AS messages
ORDER BY sender
