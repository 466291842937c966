// Everyone an allegation is against, of any category and any time: the people whose pairs the allegation spread keeps.
MATCH (:Allegation)-[:AGAINST]->(p:Person)
RETURN DISTINCT p.id AS id
