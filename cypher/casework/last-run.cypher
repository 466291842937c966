// What $user got when they last ran a saved search.
MATCH (r:SearchRun {id: $id})
RETURN r.ids AS ids, r.at AS at
