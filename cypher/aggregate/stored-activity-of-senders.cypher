// What the activity aggregate holds for some senders' months, to merge new messages into: $ids = [ActivityMonth id].
UNWIND $ids AS id
MATCH (n:ActivityMonth {id: id})
RETURN n.id AS id, n.sender AS sender, n.month AS month, n.hours AS hours, n.counts AS counts, n.flagged AS flagged
