// Deletes the activity aggregate's months of some senders ($senders), to be counted again from their messages.
UNWIND $senders AS sender
MATCH (n:ActivityMonth {sender: sender})
DELETE n
