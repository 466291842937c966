// The activity aggregate: one node per sender and month, found by its id when an import adds to it, and by its sender
// when a scope's activity is read.
CREATE CONSTRAINT activity_month_id_unique IF NOT EXISTS FOR (n:ActivityMonth) REQUIRE n.id IS UNIQUE;
CREATE INDEX activity_month_sender IF NOT EXISTS FOR (n:ActivityMonth) ON (n.sender);
