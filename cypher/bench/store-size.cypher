// How large the graph a benchmark runs on is.
RETURN COUNT { (:Person) } AS people, COUNT { (:Message) } AS messages,
       COUNT { ()-[:CONTACTED]->() } AS pairs
