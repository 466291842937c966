// name: deleted-recovered-per-officer
// title: Deleted and recovered messages per officer
// description: For each officer who sent a message that was deleted and later recovered, how many, of how many sent.
// column: officer The officer's id
// column: name Their name
// column: messages Messages they sent
// column: deletedRecovered Those deleted and recovered
// column: share deletedRecovered / messages
MATCH (p:Officer)-[:SENT]->(m:Message)
WITH p, count(m) AS messages, count(CASE WHEN m.deletedRecovered THEN 1 END) AS deletedRecovered
WHERE deletedRecovered > 0
RETURN p.id AS officer, p.name AS name, messages, deletedRecovered, round(toFloat(deletedRecovered) / messages, 4) AS share
ORDER BY deletedRecovered DESC, officer
