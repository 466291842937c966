// Who-messaged-whom between members of units, a row per pair and month: (fromUnit, toUnit, messages). Each month
// is attributed to the units both people were in on the day of its first message; messages without a time to the
// unit each was last in (undated data). $from and $to (dates, null for no bound) keep the months between them.
MATCH (a:Person)-[c:CONTACTED]->(b:Person)
WHERE EXISTS { (a)-[:HAS_MEMBERSHIP]->() } AND EXISTS { (b)-[:HAS_MEMBERSHIP]->() }
WITH a, b, c, c.monthCounts AS counts, c.monthFirst AS firsts
WITH a, b, c, counts, firsts, reduce(total = 0, n IN counts | total + n) AS dated
// A month's first is packed (PackedInstant: milliseconds times 2^17 plus the offset's seconds plus 2^16; the
// remainder is taken as a floor, for instants before 1970), or a date-time in stores written before.
UNWIND [i IN range(0, size(counts) - 1) |
        {messages: counts[i],
         day: CASE WHEN firsts[i] IS :: INTEGER
                THEN date(datetime({epochMillis: (firsts[i] - ((firsts[i] % 131072) + 131072) % 131072) / 131072
                                                 + (((firsts[i] % 131072) + 131072) % 131072 - 65536) * 1000}))
                ELSE date(firsts[i]) END}]
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
