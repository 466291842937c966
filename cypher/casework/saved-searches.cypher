// The saved searches $user sees (their own and the shared ones), by name; one when $id is given.
MATCH (s:SavedSearch)
WHERE (s.owner = $user OR s.shared) AND ($id IS NULL OR s.id = $id)
RETURN s {.*} AS search
ORDER BY s.name, s.id
