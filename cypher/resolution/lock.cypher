// Takes the one lock that decisions and undos hold in turn (a write that leaves nothing behind), so that of two
// conflicting merges the second reads what the first wrote, and two merges never count the same pairs at once.
MERGE (l:ResolutionLock {id: 'resolution'})
SET l.held = true
REMOVE l.held
