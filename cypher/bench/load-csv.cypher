// The LOAD CSV baseline of `bench ingest`: the same bundle's people, groups, memberships and messages, written the
// way Neo4j's documentation recommends (constraints first, CALL { } IN TRANSACTIONS). It keeps no aggregate.
CREATE CONSTRAINT bench_person IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bench_group IF NOT EXISTS FOR (n:ChatGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bench_message IF NOT EXISTS FOR (n:Message) REQUIRE n.id IS UNIQUE;
LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row
CALL (row) {
  CREATE (:Person {id: row.id, name: row.name, rank: row.rank, status: row.status})
} IN TRANSACTIONS OF 10000 ROWS;
LOAD CSV WITH HEADERS FROM 'file:///chat_groups.csv' AS row
CALL (row) {
  CREATE (:ChatGroup {id: row.id, name: row.name, platform: row.platform})
} IN TRANSACTIONS OF 10000 ROWS;
LOAD CSV WITH HEADERS FROM 'file:///group_members.csv' AS row
CALL (row) {
  MATCH (p:Person {id: row.person}), (g:ChatGroup {id: row.group})
  CREATE (p)-[:IN_GROUP {from: date(row.from), to: date(row.to)}]->(g)
} IN TRANSACTIONS OF 10000 ROWS;
LOAD CSV WITH HEADERS FROM 'file:///messages.csv' AS row
CALL (row) {
  MATCH (s:Person {id: row.sender})
  CREATE (m:Message {id: row.id, sentAt: datetime(row.sentAt), channel: row.channel, body: row.body,
                     discriminatory: row.discriminatory = 'true', sexualised: row.sexualised = 'true',
                     violent: row.violent = 'true', threatening: row.threatening = 'true'})
  CREATE (s)-[:SENT]->(m)
  WITH m, row
  MATCH (g:ChatGroup {id: row.group})
  CREATE (m)-[:POSTED_IN]->(g)
} IN TRANSACTIONS OF 10000 ROWS;
LOAD CSV WITH HEADERS FROM 'file:///message_recipients.csv' AS row
CALL (row) {
  MATCH (m:Message {id: row.message}), (p:Person {id: row.recipient})
  CREATE (m)-[:TO]->(p)
} IN TRANSACTIONS OF 10000 ROWS;
// The clock stops only when every index is ONLINE (the constraints' indexes fill as rows arrive).
CALL db.awaitIndexes(86400);
