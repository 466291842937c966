// Which of some ids ($ids) name a person, an account, a chat group or a message, with its kind.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, CASE WHEN n:Person THEN 'Person' WHEN n:Account THEN 'Account' WHEN n:ChatGroup THEN 'ChatGroup'
                WHEN n:Message THEN 'Message' END AS kind, n.sentAt AS sentAt
