// Adds per-pair deltas to the who-messaged-whom aggregate: CONTACTED (all time, per channel) and
// CONTACTED_IN (one per calendar month, month = yyyymm). $pairs = [{sender, recipient, count, directCount,
// groupCount, smsCount, emailCount, first, last, months: [{month, count, first, last}]}]
UNWIND $pairs AS p
MATCH (a:Person {id: p.sender}), (b:Person {id: p.recipient})
MERGE (a)-[c:CONTACTED]->(b)
  ON CREATE SET c.count = 0, c.directCount = 0, c.groupCount = 0, c.smsCount = 0, c.emailCount = 0
SET c.count = c.count + p.count,
    c.directCount = c.directCount + p.directCount,
    c.groupCount = c.groupCount + p.groupCount,
    c.smsCount = c.smsCount + p.smsCount,
    c.emailCount = c.emailCount + p.emailCount,
    c.first = CASE WHEN c.first IS NULL OR p.first < c.first THEN coalesce(p.first, c.first) ELSE c.first END,
    c.last = CASE WHEN c.last IS NULL OR p.last > c.last THEN coalesce(p.last, c.last) ELSE c.last END
WITH a, b, p
UNWIND p.months AS pm
MERGE (a)-[cm:CONTACTED_IN {month: pm.month}]->(b)
  ON CREATE SET cm.count = 0
SET cm.count = cm.count + pm.count,
    cm.first = CASE WHEN cm.first IS NULL OR pm.first < cm.first THEN pm.first ELSE cm.first END,
    cm.last = CASE WHEN cm.last IS NULL OR pm.last > cm.last THEN pm.last ELSE cm.last END
