// Who sent the messages whose contacts the aggregate has not yet counted, and how many each.
MATCH (m:PendingContacts)<-[:SENT]-(a)
RETURN a.id AS sender, count(m) AS messages
ORDER BY sender
