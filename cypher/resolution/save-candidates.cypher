// Stores the candidates found, one per pair: $rows = [{id, pair, left, right, score, evidenceKinds,
// evidenceScores, evidenceDetails}]. A new pair is open; an open or unsure one takes the latest evidence; a decided
// one (same or different) is left as it is, so that a pair decided different never comes back.
UNWIND $rows AS row
MERGE (c:CaseWork:MatchCandidate {pair: row.pair})
  ON CREATE SET c.id = row.id, c.left = row.left, c.right = row.right, c.status = 'OPEN', c.createdAt = $at
WITH c, row
WHERE c.status IN ['OPEN', 'UNSURE']
  AND (c.score IS NULL OR c.score <> row.score OR c.evidenceDetails <> row.evidenceDetails)
SET c.score = row.score, c.evidenceKinds = row.evidenceKinds, c.evidenceScores = row.evidenceScores,
    c.evidenceDetails = row.evidenceDetails
RETURN count(c) AS stored
