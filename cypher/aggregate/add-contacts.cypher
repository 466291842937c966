// Writes the who-messaged-whom aggregate for a set of pairs, with values already merged with what was stored:
// $pairs = [{sender, recipient, count, directCount, groupCount, smsCount, emailCount, first, last,
//            months: [yyyymm], monthCounts: [..], monthFirst: [..], monthLast: [..], monthDirect: [..]}]
// One CONTACTED relationship per ordered pair of people or accounts; its month arrays are parallel and ordered by month
// (monthDirect: of each month's messages, those not posted in a group; null when not known).
UNWIND $pairs AS p
MATCH (a:Entity {id: p.sender}), (b:Entity {id: p.recipient})
MERGE (a)-[c:CONTACTED]->(b)
SET c.count = p.count, c.directCount = p.directCount, c.groupCount = p.groupCount, c.smsCount = p.smsCount,
    c.emailCount = p.emailCount, c.first = p.first, c.last = p.last, c.months = p.months,
    c.monthCounts = p.monthCounts, c.monthFirst = p.monthFirst, c.monthLast = p.monthLast,
    c.monthDirect = p.monthDirect
