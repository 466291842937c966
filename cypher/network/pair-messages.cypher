// The times of the messages a sender sent between two instants that reached a recipient: directly, or in a
// group the recipient was in on the day (the CONTACTED aggregate's rule). Used for the few months a
// membership or a time window cuts through. $items = [{sender, recipient, start, end}].
UNWIND $items AS item
MATCH (a:Entity {id: item.sender}), (b:Entity {id: item.recipient})
MATCH (a)-[:SENT]->(m:Message)
WHERE item.start <= m.sentAt <= item.end
  AND (EXISTS { (m)-[:TO]->(b) }
    OR EXISTS {
      (m)-[:POSTED_IN]->(:ChatGroup)<-[r:IN_GROUP]-(b)
      WHERE (r.from IS NULL OR r.from <= date(m.sentAt)) AND (r.to IS NULL OR date(m.sentAt) <= r.to)
    })
RETURN item.sender AS sender, item.recipient AS recipient, m.sentAt AS sentAt, m.channel AS channel
