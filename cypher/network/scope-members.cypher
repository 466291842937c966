// A scope's people, each with the periods in which they belonged to it (null ends are open), in one row:
// people named in $personIds and everyone (with $all) always; members of $unitIds while members;
// people posted to $stationIds while posted; members of $chatGroupIds (people, and accounts not tied
// to one) while in the group; with $all, also the accounts in the who-messaged-whom aggregate.
// unknown: the refs ($refs = [{field, id, label}]) with no node of the label the scope expects, in order; when
// there are any, members is empty (the scope is refused).
CALL () {
  UNWIND $refs AS ref
  OPTIONAL MATCH (n:Entity {id: ref.id})
  WITH ref, n
  WHERE n IS NULL OR NOT ref.label IN labels(n)
  RETURN collect(ref) AS unknown
}
CALL (unknown) {
  WITH unknown WHERE size(unknown) = 0
  CALL () {
    UNWIND $personIds AS id
    MATCH (p:Person {id: id})
    RETURN p, null AS from, null AS to
    UNION ALL
    // A filter on parameters alone goes before the MATCH: after it, every node of the label is read first.
    WITH 1 AS everyone WHERE $all
    MATCH (p:Person)
    RETURN p, null AS from, null AS to
    UNION ALL
    WITH 1 AS everyone WHERE $all
    MATCH (p:Account)
    WHERE EXISTS { (p)-[:CONTACTED]-() }
    RETURN p, null AS from, null AS to
    UNION ALL
    UNWIND $unitIds AS id
    MATCH (:Unit {id: id})<-[:IN_UNIT]-(m:Membership)<-[:HAS_MEMBERSHIP]-(p:Person)
    RETURN p, m.from AS from, m.to AS to
    UNION ALL
    UNWIND $stationIds AS id
    MATCH (:Station {id: id})<-[:AT_STATION]-(m:Posting)<-[:HAS_POSTING]-(p:Person)
    RETURN p, m.from AS from, m.to AS to
    UNION ALL
    UNWIND $chatGroupIds AS id
    MATCH (:ChatGroup {id: id})<-[r:IN_GROUP]-(p)
    RETURN p, r.from AS from, r.to AS to
  }
  WITH p, collect({from: from, to: to}) AS periods
  ORDER BY p.id
  RETURN collect({p: p, periods: periods}) AS members
}
RETURN unknown, members
