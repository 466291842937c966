// The hits of a saved version of a term list, kept in the store by the version's id (name:version) with the generation
// of what they were worked out from (messages, their senders and the senders' units), and one node per such generation.
CREATE CONSTRAINT term_list_hits_id_unique IF NOT EXISTS FOR (h:TermListHits) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT inputs_generation_name_unique IF NOT EXISTS FOR (g:InputsGeneration) REQUIRE g.name IS UNIQUE;
