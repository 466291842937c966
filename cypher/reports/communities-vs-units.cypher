// name: communities-vs-units
// title: Communities in the contact network against the formal units
// description: Communities found by Louvain (Graph Data Science, weighted by message counts, undirected) against each
// description: person's unit (their latest membership): the summary's nmi is the normalised mutual information of
// description: the two (1 = the same grouping), computed by the application; rows are the people whose community's
// description: prevailing unit is not theirs (or everyone, with onlyDiffering false).
// graph: contact-network-undirected
// compute: community-agreement
// param: idPrefix String = null Only people whose id starts with this (one dataset of several)
// param: onlyDiffering Boolean = true Only the people whose community's prevailing unit differs from theirs
// column: person The person's id
// column: name Their name
// column: unit Their unit
// column: community Their community (a number)
// column: communityUnit The unit most of their community's members are in
// column: differs Whether that is not their unit
CALL gds.louvain.stream($graph, {relationshipWeightProperty: 'weight', concurrency: 1}) YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS person, communityId
OPTIONAL CALL (person) {
  MATCH (person)-[:HAS_MEMBERSHIP]->(m:Membership)-[:IN_UNIT]->(u:Unit)
  RETURN u
  ORDER BY m.from DESC
  LIMIT 1
}
RETURN person.id AS person, person.name AS name, u.name AS unit, communityId AS community
ORDER BY person
