// Writes the activity aggregate for some senders' months, with values already merged with what was stored:
// $months = [{id, sender, month: yyyymm (UTC), hours: [hours since the epoch, ascending], counts: [..], flagged: [..]}]
// One ActivityMonth node per sender and month; its arrays are parallel: messages sent in each hour, and of them flagged.
UNWIND $months AS a
MERGE (n:ActivityMonth {id: a.id})
SET n.sender = a.sender, n.month = a.month, n.hours = a.hours, n.counts = a.counts, n.flagged = a.flagged
