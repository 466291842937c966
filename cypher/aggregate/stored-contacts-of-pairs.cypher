// The stored aggregate of some pairs, to merge new contacts into: $pairs = [{sender, recipient}]
UNWIND $pairs AS p
MATCH (:Person {id: p.sender})-[c:CONTACTED]->(:Person {id: p.recipient})
RETURN p.sender AS sender, p.recipient AS recipient, properties(c) AS stored
