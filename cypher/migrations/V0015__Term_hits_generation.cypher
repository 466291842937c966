// What term hits are worked out from changes with every transaction that raises this generation (in that transaction):
// made here, once, so that no two writes ever make it at the same time.
MERGE (g:InputsGeneration {name: 'term-hits'})
  ON CREATE SET g.n = 0;
