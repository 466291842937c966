// The aggregate per unit as stored, for `check`: one row per unit and pair.
MATCH (n:UnitContacts)
RETURN n.id AS id, n.unit AS unit, n.sender AS sender, n.recipient AS recipient, n.count AS count,
       n.directCount AS directCount, n.groupCount AS groupCount, n.smsCount AS smsCount, n.emailCount AS emailCount,
       n.first AS first, n.last AS last, n.months AS months, n.monthCounts AS monthCounts, n.monthFirst AS monthFirst,
       n.monthLast AS monthLast, n.monthDirect AS monthDirect
