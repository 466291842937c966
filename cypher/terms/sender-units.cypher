// The units each sender in $ids (a person's or an account's id) was in, with the first and last day of each
// membership (null: open), so that a message's units on the day it was sent are found without a read per message.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HAS_MEMBERSHIP]->(ms:Membership)-[:IN_UNIT]->(u:Unit)
RETURN id, ms.from AS from, ms.to AS to, u.id AS unit
