// A store whose contacts were counted before the aggregate kept them per unit is marked for a recount (the mark of an
// interrupted rebuild): until the next import or `check` counts it again, unit networks are counted from CONTACTED.
MATCH ()-[:CONTACTED]->()
WITH count(*) AS pairs
WHERE pairs > 0 AND NOT EXISTS { MATCH (:UnitContacts) }
MERGE (:AggregateRebuild {id: 'contacts'})
