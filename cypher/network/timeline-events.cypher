// The dated events of an officer ($id a Person) or a unit ($id a Unit), from $from to $to (null for no bound):
// joining and leaving units, postings, ranks, statuses, allegations and outcomes. For a unit: its members
// joining and leaving, allegations against them while members, and outcomes for anyone who was a member. For a chat
// group ($id a ChatGroup): its members joining and leaving, and allegations against them while members.
MATCH (subject:Entity {id: $id})
CALL (subject) {
  MATCH (subject:Person)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  UNWIND [['JOINED', m.from], ['LEFT', m.to]] AS event
  RETURN event[0] AS kind, event[1] AS date, u AS related, m.role AS detail
  UNION ALL
  MATCH (subject:Person)-[:HAS_POSTING]->(m:Posting)-[:AT_STATION]->(s:Station)
  UNWIND [['POSTED', m.from], ['POSTING_ENDED', m.to]] AS event
  RETURN event[0] AS kind, event[1] AS date, s AS related, m.role AS detail
  UNION ALL
  MATCH (subject:Person)-[:HELD_RANK]->(r:RankHeld)
  RETURN 'RANK' AS kind, r.from AS date, r AS related, r.rank AS detail
  UNION ALL
  MATCH (subject:Person)-[:HAD_STATUS]->(s:StatusPeriod)
  RETURN 'STATUS' AS kind, s.from AS date, s AS related, s.status AS detail
  UNION ALL
  MATCH (subject:Person)<-[:AGAINST]-(a:Allegation)
  RETURN 'ALLEGATION' AS kind, a.reported AS date, a AS related, a.category AS detail
  UNION ALL
  MATCH (subject:Person)<-[:FOR]-(o:Outcome)
  RETURN 'OUTCOME' AS kind, o.date AS date, o AS related, o.kind AS detail
  UNION ALL
  MATCH (subject:Unit)<-[:IN_UNIT]-(m:Membership)<-[:HAS_MEMBERSHIP]-(p:Person)
  UNWIND [['MEMBER_JOINED', m.from], ['MEMBER_LEFT', m.to]] AS event
  RETURN event[0] AS kind, event[1] AS date, p AS related, m.role AS detail
  UNION ALL
  MATCH (subject:Unit)<-[:IN_UNIT]-(m:Membership)<-[:HAS_MEMBERSHIP]-(:Person)<-[:AGAINST]-(a:Allegation)
  WHERE (m.from IS NULL OR m.from <= a.reported) AND (m.to IS NULL OR a.reported <= m.to)
  RETURN 'ALLEGATION' AS kind, a.reported AS date, a AS related, a.category AS detail
  UNION ALL
  MATCH (subject:Unit)<-[:IN_UNIT]-(:Membership)<-[:HAS_MEMBERSHIP]-(:Person)<-[:FOR]-(o:Outcome)
  RETURN DISTINCT 'OUTCOME' AS kind, o.date AS date, o AS related, o.kind AS detail
  UNION ALL
  MATCH (subject:ChatGroup)<-[r:IN_GROUP]-(p)
  UNWIND [['MEMBER_JOINED', r.from], ['MEMBER_LEFT', r.to]] AS event
  RETURN event[0] AS kind, event[1] AS date, p AS related, null AS detail
  UNION ALL
  MATCH (subject:ChatGroup)<-[r:IN_GROUP]-(:Person)<-[:AGAINST]-(a:Allegation)
  WHERE (r.from IS NULL OR r.from <= a.reported) AND (r.to IS NULL OR a.reported <= r.to)
  RETURN 'ALLEGATION' AS kind, a.reported AS date, a AS related, a.category AS detail
}
WITH kind, date, related, detail
WHERE date IS NOT NULL AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
RETURN kind, date, related, detail
ORDER BY date, kind, related.id
