// The aggregate as stored, for `check`: one row per CONTACTED pair.
MATCH (a)-[c:CONTACTED]->(b)
RETURN a.id AS sender, b.id AS recipient, c.count AS count, c.directCount AS directCount,
       c.groupCount AS groupCount, c.smsCount AS smsCount, c.emailCount AS emailCount, c.first AS first,
       c.last AS last, c.months AS months, c.monthCounts AS monthCounts, c.monthFirst AS monthFirst,
       c.monthLast AS monthLast, c.monthDirect AS monthDirect
