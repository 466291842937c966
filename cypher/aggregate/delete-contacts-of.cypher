// Deletes the aggregate's pairs sent by some people or accounts ($senders), to be counted again from their messages.
UNWIND $senders AS sender
MATCH (:Entity {id: sender})-[c:CONTACTED]->()
DELETE c
