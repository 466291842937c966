// Who messaged whom among the people in a scope, read from the CONTACTED aggregate (never from messages).
// $ids: the people (and accounts not tied to a person) in scope. With $outside, also their pairs with people outside the scope, either way.
// With $months, each pair's month arrays, cut to $fromMonth..$toMonth (yyyymm; null for no bound); without, none.
// monthDirect holds nulls where an older aggregate did not keep a month's direct messages.
// The scope is compared as nodes, not by id: an id is a property read for each of the thousands of pairs expanded,
// a node is not (the allegation spread's 230 officers: 29 to 19 ms at tier M).
UNWIND $ids AS id
MATCH (p:Entity {id: id})
WITH collect(p) AS scope
UNWIND scope AS p
CALL (p, scope) {
  MATCH (p)-[c:CONTACTED]->(b)
  WHERE $outside OR b IN scope
  RETURN c, p AS sender, b AS recipient, b AS other
  UNION
  MATCH (p)<-[c:CONTACTED]-(b)
  WHERE $outside AND NOT b IN scope
  RETURN c, b AS sender, p AS recipient, b AS other
}
// Each month array is read from the store once per pair (an element read as c.months[i] decodes the whole array again).
WITH sender, recipient, other, other IN scope AS inScope, c, CASE WHEN $months THEN c.months ELSE [] END AS allMonths
WITH sender, recipient, other, inScope, c, allMonths,
     [i IN range(0, size(allMonths) - 1)
      WHERE ($fromMonth IS NULL OR allMonths[i] >= $fromMonth) AND ($toMonth IS NULL OR allMonths[i] <= $toMonth)] AS kept
WITH sender, recipient, other, inScope, c, allMonths, kept,
     CASE WHEN size(kept) = 0 THEN [] ELSE c.monthCounts END AS counts,
     CASE WHEN size(kept) = 0 THEN [] ELSE c.monthFirst END AS firsts,
     CASE WHEN size(kept) = 0 THEN [] ELSE c.monthLast END AS lasts,
     CASE WHEN size(kept) = 0 THEN [] ELSE c.monthDirect END AS directs
RETURN sender.id AS sender, recipient.id AS recipient, CASE WHEN inScope THEN null ELSE other END AS outsider,
       c.count AS count, c.groupCount AS groupCount, c.first AS first, c.last AS last,
       [i IN kept | allMonths[i]] AS months, [i IN kept | counts[i]] AS monthCounts,
       [i IN kept | firsts[i]] AS monthFirst, [i IN kept | lasts[i]] AS monthLast,
       [i IN kept | directs[i]] AS monthDirect
