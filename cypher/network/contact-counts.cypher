// Who messaged whom among the people in a scope ($ids), each pair's counts and first and last message only, read
// from the CONTACTED aggregate: contacts.cypher without the month arrays, for a scope with no dates over all time
// (the allegation spread's officers), whose months nothing reads. With $outside, also their pairs with people outside
// the scope, either way. The columns are contacts.cypher's, the month arrays empty: working the empty arrays out there
// took about a quarter of that statement's time for the allegation spread's 2,308 pairs.
UNWIND $ids AS id
MATCH (p:Entity {id: id})
WITH collect(p) AS scope
UNWIND scope AS p
CALL (p, scope) {
  MATCH (p)-[c:CONTACTED]->(b)
  WHERE $outside OR b IN scope
  RETURN c, p AS sender, b AS recipient, b AS other
  UNION ALL
  // A filter on the parameter alone is planned before the expansion, so without $outside nothing is walked here.
  MATCH (p)<-[c:CONTACTED]-(b)
  WHERE $outside AND NOT b IN scope
  RETURN c, b AS sender, p AS recipient, b AS other
}
RETURN sender.id AS sender, recipient.id AS recipient, CASE WHEN other IN scope THEN null ELSE other END AS outsider,
       false AS inUnit, c.count AS count, c.groupCount AS groupCount, c.first AS first, c.last AS last, [] AS months,
       [] AS monthCounts, [] AS monthFirst, [] AS monthLast, [] AS monthDirect
