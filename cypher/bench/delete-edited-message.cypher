// Deletes the message bench queries edits ($id), once its rows are timed.
MATCH (m:Message {id: $id})
DETACH DELETE m
