// Every chat group membership (of a person or an account) with its dates: a group message reaches the members on the day it was sent.
MATCH (p)-[r:IN_GROUP]->(g:ChatGroup)
RETURN g.id AS group, p.id AS person, r.from AS from, r.to AS to
