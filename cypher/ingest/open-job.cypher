// Opens (or reopens) the journal entry of an import: $id is the input's fingerprint; returns the batches already done.
MERGE (j:ImportJob {id: $id})
  ON CREATE SET j.done = 0, j.started = datetime()
SET j.name = $name, j.batches = $batches,
    j.done = CASE WHEN j.finished IS NULL THEN j.done ELSE 0 END,
    j.finished = null
RETURN j.done AS done
