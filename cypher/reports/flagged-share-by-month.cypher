// name: flagged-share-by-month
// title: Flagged-message share per month
// description: For each calendar month (in each message's own offset), the messages sent and how many were flagged.
// param: from DateTime = null Only messages sent from this instant on
// param: to DateTime = null Only messages sent up to this instant
// column: month The month (yyyy-mm)
// column: messages Messages sent
// column: flagged Flagged messages among them
// column: share flagged / messages
MATCH (m:Message)
WHERE m.sentAt IS NOT NULL AND ($from IS NULL OR m.sentAt >= $from) AND ($to IS NULL OR m.sentAt <= $to)
WITH m.sentAt.year AS year, m.sentAt.month AS month, count(m) AS messages,
     count(CASE WHEN m.flagged THEN 1 END) AS flagged
RETURN toString(year) + '-' + right('0' + toString(month), 2) AS month, messages, flagged,
       round(toFloat(flagged) / messages, 4) AS share
ORDER BY month
