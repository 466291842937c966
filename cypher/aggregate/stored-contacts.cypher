// The aggregate as stored, for `check`: one row per CONTACTED pair with its months.
MATCH (a:Person)-[c:CONTACTED]->(b:Person)
OPTIONAL MATCH (a)-[cm:CONTACTED_IN]->(b)
WITH a, b, c, cm ORDER BY cm.month
RETURN a.id AS sender, b.id AS recipient, c.count AS count, c.directCount AS directCount,
       c.groupCount AS groupCount, c.smsCount AS smsCount, c.emailCount AS emailCount, c.first AS first,
       c.last AS last,
       [x IN collect(cm) WHERE x IS NOT NULL | {month: x.month, count: x.count, first: x.first, last: x.last}] AS months
