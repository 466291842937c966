// Every piece of case work has an id (a tag's is tag: and its name), so that an export restores it by id.
CREATE CONSTRAINT case_work_id_unique IF NOT EXISTS FOR (n:CaseWork) REQUIRE n.id IS UNIQUE;
