// Records a decision on a match candidate: the decision ($status), who, when, why and, for a merge, its id.
MATCH (c:MatchCandidate {id: $id})
SET c.status = $status, c.decidedBy = $by, c.decidedAt = $at, c.reason = $reason, c.merge = $merge
RETURN c {.*} AS candidate
