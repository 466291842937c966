// name: cross-unit-share
// title: Cross-unit messaging share per unit
// description: Of the messages the members of each unit sent to members of any unit, how many reached another
// description: unit, with months attributed to units as in contact-matrix.
// param: from Date = null Only months from this day on
// param: to Date = null Only months up to this day
// column: unit The senders' unit
// column: messages Messages its members sent that reached a member of a unit
// column: crossUnit Those that reached another unit
// column: share crossUnit / messages
// include: unit-pair-months
WITH fromUnit, sum(messages) AS messages, sum(CASE WHEN toUnit <> fromUnit THEN messages ELSE 0 END) AS crossUnit
RETURN fromUnit.name AS unit, messages, crossUnit, round(toFloat(crossUnit) / messages, 4) AS share
ORDER BY share DESC, unit
