// Every piece of case work for an export (notes, tags, saved searches and their runs, exhibits): its labels but
// CaseWork, its properties; by label, then id.
MATCH (n:CaseWork)
WITH n, [l IN labels(n) WHERE l <> 'CaseWork'] AS labels
RETURN n.id AS id, labels, properties(n) AS properties
ORDER BY labels[0], id
