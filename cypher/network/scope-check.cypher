// Which of the ids a scope names exist with the label the scope expects.
// $refs = [{field, id, label}]; one row per ref.
UNWIND $refs AS ref
OPTIONAL MATCH (n:Entity {id: ref.id})
RETURN ref.field AS field, ref.id AS id, n IS NOT NULL AND ref.label IN labels(n) AS found
