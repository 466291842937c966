// name: centrality
// title: Who is central in the contact network
// description: Degree (people messaged or heard from), PageRank weighted by message counts, and betweenness on the
// description: who-messaged-whom network, computed by Graph Data Science on a projection made for the run.
// graph: contact-network
// param: idPrefix String = null Only people whose id starts with this (one dataset of several)
// param: sampling Integer = 0 Betweenness from this many sampled sources (0 for exact; use for large graphs)
// param: limit Integer = 50 How many people, highest PageRank first
// column: person The person's id
// column: name Their name
// column: degree Contacts in either direction
// column: pageRank PageRank, weighted by message counts
// column: betweenness Betweenness centrality
CALL gds.degree.mutate($graph, {mutateProperty: 'degree', orientation: 'UNDIRECTED'}) YIELD nodePropertiesWritten AS d
CALL gds.pageRank.mutate($graph, {mutateProperty: 'pageRank', relationshipWeightProperty: 'weight'})
  YIELD nodePropertiesWritten AS p
CALL gds.betweenness.mutate($graph, CASE WHEN $sampling > 0
    THEN {mutateProperty: 'betweenness', samplingSize: $sampling, samplingSeed: 42}
    ELSE {mutateProperty: 'betweenness'} END) YIELD nodePropertiesWritten AS b
CALL gds.graph.nodeProperties.stream($graph, ['degree', 'pageRank', 'betweenness']) YIELD nodeId, nodeProperty, propertyValue
WITH nodeId, collect([nodeProperty, propertyValue]) AS values
WITH gds.util.asNode(nodeId) AS person,
     [v IN values WHERE v[0] = 'degree'][0][1] AS degree,
     [v IN values WHERE v[0] = 'pageRank'][0][1] AS pageRank,
     [v IN values WHERE v[0] = 'betweenness'][0][1] AS betweenness
RETURN person.id AS person, person.name AS name, toInteger(degree) AS degree, round(pageRank, 6) AS pageRank,
       round(betweenness, 4) AS betweenness
ORDER BY pageRank DESC, person
LIMIT $limit
