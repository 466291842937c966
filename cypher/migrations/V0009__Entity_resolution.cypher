// Entity resolution: one match candidate per pair of records (so that a pair decided different is found again, and
// left alone, by every later search), and the one lock node that merges and undos take in turn.
CREATE CONSTRAINT match_candidate_pair_unique IF NOT EXISTS FOR (c:MatchCandidate) REQUIRE c.pair IS UNIQUE;
CREATE CONSTRAINT resolution_lock_id_unique IF NOT EXISTS FOR (l:ResolutionLock) REQUIRE l.id IS UNIQUE;
