package org.casegraph.resolution;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.GraphQLContext;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Connection;
import org.casegraph.query.Entities;
import org.casegraph.query.Entity;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Callers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Entity resolution in the API: the candidates to review, the decisions on them, the
 * merges in force and their undo.
 */
@Controller
class ResolutionController {

	private final String entities = CypherScript.load("cypher/resolution/entities.cypher").single();

	private final MatchCandidates candidates;

	private final Decisions decisions;

	private final GraphReader reads;

	private final Entities kinds;

	ResolutionController(MatchCandidates candidates, Decisions decisions, GraphReader reads, Entities kinds) {
		this.candidates = candidates;
		this.decisions = decisions;
		this.reads = reads;
		this.kinds = kinds;
	}

	@QueryMapping
	Connection<MatchCandidate> matchCandidates(@Argument Integer first, @Argument String after) {
		return candidates.page(first, after);
	}

	@QueryMapping
	List<Merge> merges() {
		return decisions.merges();
	}

	@MutationMapping
	Object decideMatch(@Argument String candidateId, @Argument MatchCandidate.Status decision, @Argument String reason,
			GraphQLContext context) {
		return decisions.decide(Callers.caller(context::get), Callers.disclosure(context::get), candidateId, decision,
				reason);
	}

	@MutationMapping
	Object undoMerge(@Argument String mergeId, GraphQLContext context) {
		return decisions.undo(Callers.caller(context::get), Callers.disclosure(context::get), mergeId);
	}

	@BatchMapping(typeName = "MatchCandidate", field = "account")
	Map<MatchCandidate, Entity> account(List<MatchCandidate> page) {
		return records(page, MatchCandidate::accountId);
	}

	@BatchMapping(typeName = "MatchCandidate", field = "match")
	Map<MatchCandidate, Entity> match(List<MatchCandidate> page) {
		return records(page, MatchCandidate::matchId);
	}

	@BatchMapping(typeName = "Merge", field = "absorbed")
	Map<Merge, Entity> absorbed(List<Merge> merges) {
		return records(merges, Merge::absorbedId);
	}

	@BatchMapping(typeName = "Merge", field = "survivor")
	Map<Merge, Entity> survivor(List<Merge> merges) {
		return records(merges, Merge::survivorId);
	}

	/** The records the parents name, in one read. */
	private <P> Map<P, Entity> records(List<P> parents, Function<P, String> idOf) {
		return GraphReader.byParent(parents, idOf,
				reads.single(entities, parents.stream().map(idOf).distinct().toList(),
						record -> kinds.read(record.get("n").asNode()).orElse(null)));
	}

}
