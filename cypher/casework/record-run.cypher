// Remembers what $user got from a saved search now, for the next run's new ids.
MERGE (r:SearchRun:CaseWork {id: $id})
SET r.search = $search, r.user = $user, r.ids = $ids, r.at = $at
