// Case work lives beside the case, not in it: notes and tags name entities by id and have no relationship to them,
// so no network query, path or export of the case ever walks through them.
CREATE CONSTRAINT note_id_unique IF NOT EXISTS FOR (n:Note) REQUIRE n.id IS UNIQUE;
CREATE INDEX note_entity IF NOT EXISTS FOR (n:Note) ON (n.entityId);
CREATE CONSTRAINT tag_name_unique IF NOT EXISTS FOR (t:Tag) REQUIRE t.name IS UNIQUE;
