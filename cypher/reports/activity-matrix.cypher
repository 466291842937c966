// name: activity-matrix
// title: Messages by weekday and hour
// description: The heat matrix of when messages were sent: for each weekday (1 Monday to 7 Sunday) and hour of day
// description: (0 to 23) in a time zone, daylight saving applied, the messages sent, and how many were flagged. A
// description: unit's members count on the days (in that zone) they were members. Read from the activity aggregate,
// description: as the activity query is; every one of the 168 cells is a row, zeros included.
// param: unit String = null A unit's id (its members' messages while members); everyone's messages when empty
// param: from Date = null Only messages sent on or after this day (in the zone)
// param: to Date = null Only messages sent on or before this day (in the zone)
// param: zone TimeZone = Europe/London The time zone whose weekdays, hours and days count
// param: flaggedOnly Boolean = false Count only flagged messages (messages then equals flagged)
// column: dayOfWeek 1 Monday to 7 Sunday
// column: hour 0 to 23, in the zone
// column: messages Messages sent in that hour of that weekday over the period
// column: flagged Flagged messages among them
CALL () {
  MATCH (:Unit {id: $unit})<-[:IN_UNIT]-(ms:Membership)<-[:HAS_MEMBERSHIP]-(p:Person)
  RETURN p.id AS sender, ms.from AS since, ms.to AS until
  UNION ALL
  // A filter on parameters alone goes before the MATCH: after it, every node of the label is read first.
  WITH 1 AS everyone WHERE $unit IS NULL
  MATCH (n:ActivityMonth)
  RETURN DISTINCT n.sender AS sender, null AS since, null AS until
}
MATCH (n:ActivityMonth {sender: sender})
WHERE ($from IS NULL OR n.month >= ($from - duration('P1D')).year * 100 + ($from - duration('P1D')).month)
  AND ($to IS NULL OR n.month <= ($to + duration('P1D')).year * 100 + ($to + duration('P1D')).month)
// Each array is read once per month node (an element read as n.hours[i] decodes the whole array again).
WITH n, since, until, n.hours AS hours, n.counts AS counts, n.flagged AS flags
UNWIND range(0, size(hours) - 1) AS i
WITH n, i, since, until, counts[i] AS count, flags[i] AS flag,
     datetime({epochSeconds: hours[i] * 3600, timezone: $zone}) AS t
WHERE ($from IS NULL OR date(t) >= $from) AND ($to IS NULL OR date(t) <= $to)
  AND (since IS NULL OR since <= date(t)) AND (until IS NULL OR date(t) <= until)
WITH DISTINCT n, i, t, count, flag
WITH t.dayOfWeek * 100 + t.hour AS cell, sum(count) AS messages, sum(flag) AS flagged
WITH collect([cell, messages, flagged]) AS found
UNWIND range(1, 7) AS dayOfWeek
UNWIND range(0, 23) AS hour
WITH dayOfWeek, hour, [c IN found WHERE c[0] = dayOfWeek * 100 + hour][0] AS c
RETURN dayOfWeek, hour, coalesce(CASE WHEN $flaggedOnly THEN c[2] ELSE c[1] END, 0) AS messages,
       coalesce(c[2], 0) AS flagged
ORDER BY dayOfWeek, hour
