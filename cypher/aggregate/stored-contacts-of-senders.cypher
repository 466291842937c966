// What the aggregate holds for some senders' pairs, to merge new contacts into: $senders = [person id].
UNWIND $senders AS sender
MATCH (:Person {id: sender})-[c:CONTACTED]->(b:Person)
RETURN sender, b.id AS recipient, properties(c) AS stored
