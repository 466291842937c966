// The investigations linked to each of some investigations ($ids), with the reason given for the link.
UNWIND $ids AS key
MATCH (:Investigation {id: key})-[l:LINKED_TO]-(n:Investigation)
RETURN key, l.reason AS reason, n
ORDER BY n.reference, reason
