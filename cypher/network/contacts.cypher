// Who messaged whom among the people in a scope, read from the CONTACTED aggregate (never from messages).
// $ids: the people (and accounts not tied to a person) in scope. With $outside, also their pairs with people outside the scope, either way.
// With $unit (the scope is that one unit), the pairs within the scope come from the aggregate per unit instead, which
// counts only what was sent while both were members (inUnit: true), unless a recount of the aggregate is under way.
// Each pair's month arrays, cut to $fromMonth..$toMonth (yyyymm; null for no bound); contact-counts.cypher is this
// statement without them, for a scope whose months nothing reads.
// monthDirect holds nulls where an older aggregate did not keep a month's direct messages.
// The scope is compared as nodes, not by id: an id is a property read for each of the thousands of pairs expanded,
// a node is not (the allegation spread's 230 officers: 29 to 19 ms at tier M).
UNWIND $ids AS id
MATCH (p:Entity {id: id})
WITH collect(p) AS scope
WITH scope, $unit IS NOT NULL AND NOT EXISTS { MATCH (:AggregateRebuild) } AS inUnit
CALL (scope, inUnit) {
  WITH scope WHERE inUnit
  MATCH (c:UnitContacts {unit: $unit})
  WHERE c.sender IN $ids AND c.recipient IN $ids
  RETURN c, c.sender AS sender, c.recipient AS recipient, null AS outsider
  UNION ALL
  // A filter on parameters alone goes before the UNWIND: after it, every member's pairs are expanded first.
  WITH scope WHERE NOT inUnit OR $outside
  UNWIND scope AS p
  CALL (p, scope, inUnit) {
    MATCH (p)-[c:CONTACTED]->(b)
    WHERE ($outside OR b IN scope) AND NOT (inUnit AND b IN scope)
    RETURN c, p AS sender, b AS recipient, b AS other
    UNION
    MATCH (p)<-[c:CONTACTED]-(b)
    WHERE $outside AND NOT b IN scope
    RETURN c, b AS sender, p AS recipient, b AS other
  }
  RETURN c, sender.id AS sender, recipient.id AS recipient, CASE WHEN other IN scope THEN null ELSE other END AS outsider
}
// Each month array is read from the store once per pair (an element read as c.months[i] decodes the whole array again).
// Over all time every month is kept (kept is null): the arrays are returned as stored, with no list built per pair
// (building them took about a quarter of the statement's time for the largest unit's 487 pairs at tier M).
WITH sender, recipient, outsider, inUnit AND outsider IS NULL AS inUnit, c, c.months AS allMonths
WITH sender, recipient, outsider, inUnit, c, allMonths,
     CASE WHEN $fromMonth IS NOT NULL OR $toMonth IS NOT NULL
       THEN [i IN range(0, size(allMonths) - 1)
             WHERE ($fromMonth IS NULL OR allMonths[i] >= $fromMonth) AND ($toMonth IS NULL OR allMonths[i] <= $toMonth)]
     END AS kept
WITH sender, recipient, outsider, inUnit, c, allMonths, kept, size(coalesce(kept, allMonths)) = 0 AS none
// A month's first and last message (PackedInstant numbers, or date-times in stores written before) tell whether a
// window or a membership cuts it: none can, for a unit's pair over all time, and they would be half of the answer.
WITH sender, recipient, outsider, inUnit, c, allMonths, kept, none, none OR (inUnit AND kept IS NULL) AS uncut
WITH sender, recipient, outsider, inUnit, c, allMonths, kept, uncut,
     CASE WHEN none THEN [] ELSE c.monthCounts END AS counts,
     CASE WHEN uncut THEN [] ELSE c.monthFirst END AS firsts,
     CASE WHEN uncut THEN [] ELSE c.monthLast END AS lasts,
     CASE WHEN none THEN [] ELSE c.monthDirect END AS directs
RETURN sender, recipient, outsider, inUnit, c.count AS count, c.groupCount AS groupCount, c.first AS first,
       c.last AS last,
       CASE WHEN kept IS NULL THEN allMonths ELSE [i IN kept | allMonths[i]] END AS months,
       CASE WHEN kept IS NULL THEN counts ELSE [i IN kept | counts[i]] END AS monthCounts,
       CASE WHEN kept IS NULL THEN firsts ELSE [i IN kept | firsts[i]] END AS monthFirst,
       CASE WHEN kept IS NULL THEN lasts ELSE [i IN kept | lasts[i]] END AS monthLast,
       CASE WHEN kept IS NULL THEN directs ELSE [i IN kept | directs[i]] END AS monthDirect
