// What the aggregate per unit holds for some senders' pairs, to merge new contacts into: $senders = [person id].
UNWIND $senders AS sender
MATCH (n:UnitContacts {sender: sender})
RETURN n.unit AS unit, sender, n.recipient AS recipient, properties(n) AS stored
