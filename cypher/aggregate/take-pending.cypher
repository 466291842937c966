// Up to $limit messages whose contacts the aggregate has not yet counted; counting them clears the mark.
MATCH (m:PendingContacts)
WITH m LIMIT $limit
REMOVE m:PendingContacts
RETURN m.id AS id
