// Who messaged whom among the people in a scope, read from the CONTACTED aggregate (never from messages).
// $ids: the people (and accounts not tied to a person) in scope. With $outside, also their pairs with people outside the scope, either way.
// With $months, each pair's month arrays, cut to $fromMonth..$toMonth (yyyymm; null for no bound); without, none.
// monthDirect holds nulls where an older aggregate did not keep a month's direct messages.
UNWIND $ids AS id
MATCH (p:Entity {id: id})
CALL (p) {
  MATCH (p)-[c:CONTACTED]->(b)
  WHERE $outside OR b.id IN $ids
  RETURN c, p AS sender, b AS recipient, b AS other
  UNION
  MATCH (p)<-[c:CONTACTED]-(b)
  WHERE $outside AND NOT b.id IN $ids
  RETURN c, b AS sender, p AS recipient, b AS other
}
WITH sender, recipient, other, c,
     CASE WHEN $months THEN
       [i IN range(0, size(c.months) - 1)
        WHERE ($fromMonth IS NULL OR c.months[i] >= $fromMonth) AND ($toMonth IS NULL OR c.months[i] <= $toMonth)]
     ELSE [] END AS kept
RETURN sender.id AS sender, recipient.id AS recipient, CASE WHEN other.id IN $ids THEN null ELSE other END AS outsider,
       c.count AS count, c.groupCount AS groupCount, c.first AS first, c.last AS last,
       [i IN kept | c.months[i]] AS months, [i IN kept | c.monthCounts[i]] AS monthCounts,
       [i IN kept | c.monthFirst[i]] AS monthFirst, [i IN kept | c.monthLast[i]] AS monthLast,
       [i IN kept | c.monthDirect[i]] AS monthDirect
