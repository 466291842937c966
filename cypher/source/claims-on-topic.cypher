// Claims on one topic ($topic), in the order they were made.
MATCH (c:Claim {topic: $topic})
RETURN c
ORDER BY c.asOf, c.id
