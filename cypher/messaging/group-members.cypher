// The members of chat groups ($ids), each with their dated membership, by when they joined.
UNWIND $ids AS key
MATCH (:ChatGroup {id: key})<-[r:IN_GROUP]-(n:Person)
RETURN key, n, r
ORDER BY r.from, n.name
