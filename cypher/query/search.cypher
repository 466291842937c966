// The full-text index over names, titles and message bodies: up to $first nodes matching $text, best first.
CALL db.index.fulltext.queryNodes('casegraph_text', $text, {limit: $first})
YIELD node, score
RETURN node, score
