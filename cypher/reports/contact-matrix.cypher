// name: contact-matrix
// title: Messages between units
// description: Message counts from the members of each unit to the members of each unit (itself included), per
// description: pair of units. Each month of a pair's messages is attributed to the units both were in when the
// description: first of them was sent; messages without a time to the units the two were ever in (undated data).
// param: from Date = null Only months from this day on
// param: to Date = null Only months up to this day
// column: fromUnit The senders' unit
// column: toUnit The recipients' unit
// column: messages Messages that reached the recipients
MATCH (a:Person)-[c:CONTACTED]->(b:Person)
WHERE EXISTS { (a)-[:HAS_MEMBERSHIP]->() } AND EXISTS { (b)-[:HAS_MEMBERSHIP]->() }
WITH a, b, c, reduce(total = 0, n IN c.monthCounts | total + n) AS dated
UNWIND [i IN range(0, size(c.months) - 1) | {messages: c.monthCounts[i], day: date(c.monthFirst[i])}]
       + CASE WHEN c.count > dated AND $from IS NULL AND $to IS NULL THEN [{messages: c.count - dated, day: null}] ELSE [] END
       AS part
WITH a, b, part.messages AS messages, part.day AS day
WHERE day IS NULL OR (($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to))
CALL (a, day) {
  MATCH (a)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  WHERE day IS NULL OR ((m.from IS NULL OR m.from <= day) AND (m.to IS NULL OR day <= m.to))
  RETURN u AS fromUnit ORDER BY m.from DESC LIMIT 1
}
CALL (b, day) {
  MATCH (b)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  WHERE day IS NULL OR ((m.from IS NULL OR m.from <= day) AND (m.to IS NULL OR day <= m.to))
  RETURN u AS toUnit ORDER BY m.from DESC LIMIT 1
}
RETURN fromUnit.name AS fromUnit, toUnit.name AS toUnit, sum(messages) AS messages
ORDER BY messages DESC, fromUnit, toUnit
