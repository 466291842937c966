// name: top-contacts
// title: Top contacts of a person
// description: The people a person exchanged most messages with, both ways, read from the who-messaged-whom aggregate.
// param: person String (required) The person's id, e.g. officer:a
// param: limit Integer = 10 How many contacts
// column: contact The other person's id
// column: name Their name
// column: sent Messages the person sent that reached them
// column: received Messages they sent that reached the person
// column: total Both ways
// column: first First message either way
// column: last Last message either way
MATCH (p:Person {id: $person})-[c:CONTACTED]-(other:Person)
WITH other, sum(CASE WHEN startNode(c) = p THEN c.count ELSE 0 END) AS sent,
     sum(CASE WHEN endNode(c) = p THEN c.count ELSE 0 END) AS received, min(c.first) AS first, max(c.last) AS last
RETURN other.id AS contact, other.name AS name, sent, received, sent + received AS total, first, last
ORDER BY total DESC, contact
LIMIT $limit
