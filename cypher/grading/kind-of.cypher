// What kind of record has the id $id, if any: to say why one that is not a source, claim or exhibit cannot be graded.
OPTIONAL MATCH (e:Entity {id: $id})
OPTIONAL MATCH (x:Exhibit {id: $id})
RETURN coalesce([label IN labels(e) WHERE label <> 'Entity'][0], CASE WHEN x IS NULL THEN null ELSE 'Exhibit' END)
       AS kind
