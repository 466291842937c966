// name: cross-unit-share
// title: Cross-unit messaging share per unit
// description: Of the messages the members of each unit sent to members of any unit, how many reached another
// description: unit, with months attributed to units as in contact-matrix.
// param: from Date = null Only months from this day on
// param: to Date = null Only months up to this day
// column: unit The senders' unit
// column: messages Messages its members sent that reached a member of a unit
// column: crossUnit Those that reached another unit
// column: share crossUnit / messages
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
WITH fromUnit, sum(messages) AS messages, sum(CASE WHEN toUnit <> fromUnit THEN messages ELSE 0 END) AS crossUnit
RETURN fromUnit.name AS unit, messages, crossUnit, round(toFloat(crossUnit) / messages, 4) AS share
ORDER BY share DESC, unit
