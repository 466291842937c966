package org.casegraph.investigation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.casegraph.allegation.Allegation;
import org.casegraph.organisation.Officer;
import org.casegraph.organisation.Organisation;
import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import org.casegraph.query.GraphReader;
import org.casegraph.query.NestedField;
import org.casegraph.query.PageRequest;
import org.casegraph.source.Claim;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Investigations, the operation that groups them, their outcomes and the recommendations
 * that followed.
 */
@Controller
class InvestigationController implements EntityKinds {

	private final GraphReader reader;

	InvestigationController(GraphReader reader, BatchLoaderRegistry registry) {
		this.reader = reader;
		registry.<String, List<Claim>>forName(InvestigationQueries.OPERATION_CLAIMS_LOADER)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> reader
				.grouped(InvestigationQueries.OPERATION_CLAIMS.cypher(), ids, r -> Claim.from(r.get("n").asNode()))));
		reader.nest(NestedField.single("Investigation", "operation", InvestigationQueries.OPERATION, Operation::from),
				NestedField.list("Investigation", "allegations", InvestigationQueries.ALLEGATIONS, Allegation::from),
				NestedField.list("Investigation", "outcomes", InvestigationQueries.OUTCOMES, Outcome::from),
				NestedField.single("Allegation", "investigation", InvestigationQueries.ALLEGATION_INVESTIGATION,
						Investigation::from),
				NestedField.single("Operation", "conductedBy", InvestigationQueries.CONDUCTED_BY, Organisation::from),
				NestedField.list("Operation", "investigations", InvestigationQueries.OPERATION_INVESTIGATIONS,
						Investigation::from),
				NestedField.list("Operation", "recommendations", InvestigationQueries.RECOMMENDATIONS,
						Recommendation::from),
				NestedField.list("Officer", "outcomes", InvestigationQueries.OFFICER_OUTCOMES, Outcome::from),
				NestedField.single("Outcome", "officer", InvestigationQueries.OUTCOME_OFFICER, Officer::from),
				NestedField.single("Outcome", "investigation", InvestigationQueries.OUTCOME_INVESTIGATION,
						Investigation::from),
				NestedField.single("Recommendation", "response", InvestigationQueries.RESPONSE, Response::from),
				NestedField.single("Response", "respondent", InvestigationQueries.RESPONDENT, Organisation::from));
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.of(Investigation.LABEL, Investigation::from),
				EntityKind.of(Operation.LABEL, Operation::from), EntityKind.of(Outcome.LABEL, Outcome::from),
				EntityKind.of(Recommendation.LABEL, Recommendation::from),
				EntityKind.of(Response.LABEL, Response::from));
	}

	@QueryMapping
	Connection<Investigation> investigations(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Investigation.LABEL, PageRequest.of(first, after, where, orderBy), Investigation::from, env);
	}

	@QueryMapping
	Connection<Operation> operations(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Operation.LABEL, PageRequest.of(first, after, where, orderBy), Operation::from, env);
	}

	@QueryMapping
	Connection<Outcome> outcomes(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Outcome.LABEL, PageRequest.of(first, after, where, orderBy), Outcome::from, env);
	}

	@QueryMapping
	Connection<Recommendation> recommendations(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> where, @Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Recommendation.LABEL, PageRequest.of(first, after, where, orderBy), Recommendation::from,
				env);
	}

	@BatchMapping
	Map<Investigation, Operation> operation(List<Investigation> investigations) {
		return reader.child(InvestigationQueries.OPERATION, investigations, Operation::from);
	}

	@BatchMapping
	Map<Investigation, List<InvestigationLink>> links(List<Investigation> investigations) {
		var loaded = reader.grouped(InvestigationQueries.LINKS, investigations.stream().map(Investigation::id).toList(),
				r -> new InvestigationLink(r.get("reason").asString(), Investigation.from(r.get("n").asNode())));
		return GraphReader.listsByParent(investigations, Investigation::id, loaded);
	}

	@BatchMapping(typeName = "Investigation", field = "allegations")
	Map<Investigation, List<Allegation>> allegations(List<Investigation> investigations) {
		return reader.children(InvestigationQueries.ALLEGATIONS, investigations, Allegation::from);
	}

	@BatchMapping
	Map<Investigation, List<Officer>> subjects(List<Investigation> investigations) {
		return reader.children(InvestigationQueries.SUBJECTS, investigations, Officer::from);
	}

	@BatchMapping(typeName = "Investigation", field = "outcomes")
	Map<Investigation, List<Outcome>> investigationOutcomes(List<Investigation> investigations) {
		return reader.children(InvestigationQueries.OUTCOMES, investigations, Outcome::from);
	}

	@BatchMapping(typeName = "Allegation", field = "investigation")
	Map<Allegation, Investigation> allegationInvestigation(List<Allegation> allegations) {
		return reader.child(InvestigationQueries.ALLEGATION_INVESTIGATION, allegations, Investigation::from);
	}

	@BatchMapping
	Map<Operation, Organisation> conductedBy(List<Operation> operations) {
		return reader.child(InvestigationQueries.CONDUCTED_BY, operations, Organisation::from);
	}

	@BatchMapping(typeName = "Operation", field = "investigations")
	Map<Operation, List<Investigation>> operationInvestigations(List<Operation> operations) {
		return reader.children(InvestigationQueries.OPERATION_INVESTIGATIONS, operations, Investigation::from);
	}

	@BatchMapping(typeName = "Operation", field = "recommendations")
	Map<Operation, List<Recommendation>> operationRecommendations(List<Operation> operations) {
		return reader.children(InvestigationQueries.RECOMMENDATIONS, operations, Recommendation::from);
	}

	@SchemaMapping(typeName = "Operation", field = "claims")
	CompletableFuture<List<Claim>> operationClaims(Operation operation, @Argument String topic,
			DataLoader<String, List<Claim>> operationClaimsLoader) {
		return operationClaimsLoader.load(operation.id())
			.thenApply(claims -> claims.stream().filter(c -> topic == null || topic.equals(c.topic())).toList());
	}

	@BatchMapping(typeName = "Officer", field = "outcomes")
	Map<Officer, List<Outcome>> officerOutcomes(List<Officer> officers) {
		return reader.children(InvestigationQueries.OFFICER_OUTCOMES, officers, Outcome::from);
	}

	@BatchMapping
	Map<Outcome, Officer> officer(List<Outcome> outcomes) {
		return reader.child(InvestigationQueries.OUTCOME_OFFICER, outcomes, Officer::from);
	}

	@BatchMapping(typeName = "Outcome", field = "investigation")
	Map<Outcome, Investigation> outcomeInvestigation(List<Outcome> outcomes) {
		return reader.child(InvestigationQueries.OUTCOME_INVESTIGATION, outcomes, Investigation::from);
	}

	@BatchMapping
	Map<Recommendation, Response> response(List<Recommendation> recommendations) {
		return reader.child(InvestigationQueries.RESPONSE, recommendations, Response::from);
	}

	@BatchMapping
	Map<Response, Organisation> respondent(List<Response> responses) {
		return reader.child(InvestigationQueries.RESPONDENT, responses, Organisation::from);
	}

}
