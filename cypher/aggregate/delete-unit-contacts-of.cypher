// Deletes the aggregate per unit's pairs sent by some people ($senders), to be counted again from their messages.
UNWIND $senders AS sender
MATCH (n:UnitContacts {sender: sender})
DELETE n
