// Exhibits: the files imports read. Messages, accounts and memberships name theirs in an `exhibit` property.
CREATE CONSTRAINT exhibit_id_unique IF NOT EXISTS FOR (x:Exhibit) REQUIRE x.id IS UNIQUE;
