// Saved searches, and what each user got when they last ran one.
CREATE CONSTRAINT saved_search_id_unique IF NOT EXISTS FOR (s:SavedSearch) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT search_run_id_unique IF NOT EXISTS FOR (r:SearchRun) REQUIRE r.id IS UNIQUE;
