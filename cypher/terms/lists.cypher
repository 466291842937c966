// Every version of every term list ($name null), or of one, oldest first.
MATCH (l:TermList)
WHERE $name IS NULL OR l.name = $name
RETURN properties(l) AS list
ORDER BY l.name, l.version
