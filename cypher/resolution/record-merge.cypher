// Keeps a merge in force: $merge = {id, candidate, absorbed, survivor, by, at, reason, moved} and what its candidate
// held before the decision (previousStatus, previousDecidedBy, previousDecidedAt, previousReason), for the undo.
CREATE (m:CaseWork:Merge)
SET m = $merge
RETURN m {.*} AS merge
