// What the aggregate holds for some senders' pairs, to merge new contacts into: $senders = [person or account id].
UNWIND $senders AS sender
MATCH (:Entity {id: sender})-[c:CONTACTED]->(b)
RETURN sender, b.id AS recipient, properties(c) AS stored
