// name: contact-matrix
// title: Messages between units
// description: Message counts from the members of each unit to the members of each unit (itself included), per
// description: pair of units. Each month of a pair's messages is attributed to the units both were in when the
// description: first of them was sent; messages without a time to the units the two were ever in (undated data).
// param: from Date = null Only months from this day on
// param: to Date = null Only months up to this day
// column: fromUnit The senders' unit
// column: toUnit The recipients' unit
// column: messages Messages that reached the recipients
// include: unit-pair-months
RETURN fromUnit.name AS fromUnit, toUnit.name AS toUnit, sum(messages) AS messages
ORDER BY messages DESC, fromUnit, toUnit
