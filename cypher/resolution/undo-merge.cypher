// Forgets an undone merge and gives its candidate back the decision it held before.
MATCH (m:Merge {id: $id})
MATCH (c:MatchCandidate {id: m.candidate})
SET c.status = m.previousStatus, c.decidedBy = m.previousDecidedBy, c.decidedAt = m.previousDecidedAt,
    c.reason = m.previousReason, c.merge = null
DELETE m
RETURN c {.*} AS candidate
