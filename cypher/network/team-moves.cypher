// Moves between teams by the officers in $ids: consecutive memberships in different units, with the day
// the later one began.
UNWIND $ids AS id
MATCH (officer:Person {id: id})-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(unit:Unit)
WITH officer, m, unit
ORDER BY m.from
WITH officer, collect({unit: unit, from: m.from}) AS memberships
UNWIND range(1, size(memberships) - 1) AS i
WITH officer, memberships[i - 1] AS before, memberships[i] AS after
WHERE before.unit <> after.unit
RETURN officer.id AS officer, before.unit AS fromUnit, after.unit AS toUnit, after.from AS date
