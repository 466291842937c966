// name: outcomes-by-rank-and-category
// title: Outcomes by rank and category
// description: Outcomes per kind and the rank the officer held on the day of the outcome (or their last rank
// description: before it).
// column: rank The rank held
// column: outcome The kind of outcome
// column: outcomes How many
// column: officers Their names
MATCH (out:Outcome)-[:FOR]->(o:Person)
OPTIONAL CALL (out, o) {
  MATCH (o)-[:HELD_RANK]->(r:RankHeld)
  WHERE r.from IS NULL OR out.date IS NULL OR r.from <= out.date
  RETURN r.rank AS rank
  ORDER BY r.from DESC
  LIMIT 1
}
WITH coalesce(rank, o.rank, '') AS rank, out.kind AS outcome, count(out) AS outcomes, collect(DISTINCT o.name) AS officers
RETURN rank, outcome, outcomes, officers
ORDER BY rank, outcome
