// One full-text index over names, titles and message bodies backs the `search` query.
CREATE FULLTEXT INDEX casegraph_text IF NOT EXISTS
FOR (n:Person|Unit|Station|Borough|Force|Organisation|ChatGroup|Message|Allegation|Investigation|Operation|Recommendation|Source|Claim)
ON EACH [n.name, n.body, n.title, n.text, n.headline];
