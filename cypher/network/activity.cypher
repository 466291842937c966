// The activity aggregate's months of the people in a scope ($ids; everyone's when null), cut to the UTC months
// $fromMonth..$toMonth (yyyymm; null for no bound): per month, the messages sent in each hour (hours since the epoch)
// and of them flagged.
CALL () {
  UNWIND $ids AS id
  MATCH (n:ActivityMonth {sender: id})
  RETURN n
  UNION ALL
  // A filter on parameters alone goes before the MATCH: after it, every node of the label is read first.
  WITH 1 AS everyone WHERE $ids IS NULL
  MATCH (n:ActivityMonth)
  RETURN n
}
WITH n
WHERE ($fromMonth IS NULL OR n.month >= $fromMonth) AND ($toMonth IS NULL OR n.month <= $toMonth)
RETURN n.sender AS sender, n.hours AS hours, n.counts AS counts, n.flagged AS flagged
