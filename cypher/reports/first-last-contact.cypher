// name: first-last-contact
// title: First and last contact between two people
// description: Each way between two people: how many messages, the first and the last, directly and in groups.
// param: a String (required) One person's id
// param: b String (required) The other's id
// column: sender Who sent
// column: recipient Whom they reached
// column: messages How many
// column: first The first
// column: last The last
// column: direct Of them, sent to the recipient directly (direct, SMS, email)
// column: inGroups Of them, posted in groups the recipient was in
UNWIND [[$a, $b], [$b, $a]] AS pair
MATCH (s:Person {id: pair[0]})-[c:CONTACTED]->(r:Person {id: pair[1]})
RETURN s.id AS sender, r.id AS recipient, c.count AS messages, c.first AS first, c.last AS last,
       c.directCount + c.smsCount + c.emailCount AS direct, c.groupCount AS inGroups
