// Term lists: one node per saved version (never changed after), and one head per list whose lock orders saves.
CREATE CONSTRAINT term_list_id_unique IF NOT EXISTS FOR (l:TermList) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT term_list_head_name_unique IF NOT EXISTS FOR (h:TermListHead) REQUIRE h.name IS UNIQUE;
