// Every tag of the case, by name.
MATCH (t:Tag)
RETURN t {.*} AS tag
ORDER BY t.name
