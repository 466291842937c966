// Every merge in force, latest first.
MATCH (m:Merge)
RETURN m {.*} AS merge
ORDER BY m.at DESC, m.id
