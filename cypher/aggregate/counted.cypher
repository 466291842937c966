// Marks messages as counted by the aggregate, in the transaction that counted them: $messages = [element id].
UNWIND $messages AS id
MATCH (m)
WHERE elementId(m) = id
REMOVE m:PendingContacts
