// A new saved search.
CREATE (s:SavedSearch:CaseWork {id: $id, name: $name, query: $query, variables: $variables, owner: $owner,
                                shared: $shared, createdAt: $at})
RETURN s {.*} AS search
