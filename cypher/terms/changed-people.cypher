// The people (their ids) a write changed the units of: those with a membership among $ids, or a membership in a unit
// among them ($ids: what the write changed, messages and people among them), so that their messages hit are read
// again with their units on the day.
UNWIND $ids AS id
CALL (id) {
  MATCH (p)-[:HAS_MEMBERSHIP]->(:Membership {id: id})
  RETURN p.id AS person
  UNION
  MATCH (p)-[:HAS_MEMBERSHIP]->(:Membership)-[:IN_UNIT]->(:Unit {id: id})
  RETURN p.id AS person
}
RETURN DISTINCT person AS id
