// Writes the who-messaged-whom aggregate per unit for a set of pairs, with values already merged with what was stored:
// $pairs = [{id, unit, sender, recipient} and the properties of add-contacts.cypher], counting only the messages sent
// while both were members of the unit. One UnitContacts node per unit and ordered pair, linked to nothing.
UNWIND $pairs AS p
MERGE (n:UnitContacts {id: p.id})
SET n.unit = p.unit, n.sender = p.sender, n.recipient = p.recipient, n.count = p.count,
    n.directCount = p.directCount, n.groupCount = p.groupCount, n.smsCount = p.smsCount, n.emailCount = p.emailCount,
    n.first = p.first, n.last = p.last, n.months = p.months, n.monthCounts = p.monthCounts,
    n.monthFirst = p.monthFirst, n.monthLast = p.monthLast, n.monthDirect = p.monthDirect
