// A test migration: things are found by name.
CREATE INDEX thing_name IF NOT EXISTS FOR (t:Thing) ON (t.name);
