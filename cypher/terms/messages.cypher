// The messages whose ids are $ids, whole, in no order.
UNWIND $ids AS id
MATCH (m:Message {id: id})
RETURN m
