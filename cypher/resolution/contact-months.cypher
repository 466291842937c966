// The who-messaged-whom pairs of some people or accounts ($ids), either way, with their months (yyyymm): what
// "talks to the same contacts at the same times" compares.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[c:CONTACTED]-(other)
RETURN id, other.id AS contact, c.months AS months
