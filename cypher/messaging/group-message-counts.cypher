// How many messages were posted in each chat group ($ids).
UNWIND $ids AS key
MATCH (g:ChatGroup {id: key})
RETURN key, COUNT { (g)<-[:POSTED_IN]-(:Message) } AS total
