// Records the exhibit an import read; the same input imported again keeps its first record.
MERGE (x:Exhibit:CaseWork {id: $exhibit.id})
  ON CREATE SET x += $exhibit
