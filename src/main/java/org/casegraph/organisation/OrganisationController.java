package org.casegraph.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.casegraph.query.Connection;
import org.casegraph.query.EntityKind;
import org.casegraph.query.EntityKinds;
import graphql.schema.DataFetchingEnvironment;
import org.casegraph.query.GraphReader;
import org.casegraph.query.NestedField;
import org.casegraph.query.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * People, officers, units and stations. The officer/unit/station cycle is walked by one
 * batched query per relationship, never mapped as eager entity relationships.
 */
@Controller
class OrganisationController implements EntityKinds {

	private final GraphReader reader;

	OrganisationController(GraphReader reader, BatchLoaderRegistry registry) {
		this.reader = reader;
		registry.<String, List<Membership>>forName(OrganisationQueries.UNIT_MEMBERSHIPS_LOADER)
			.registerMappedBatchLoader((unitIds, env) -> Mono
				.fromCallable(() -> reader.grouped(OrganisationQueries.UNIT_MEMBERSHIPS.cypher(), unitIds,
						r -> Membership.from(r.get("n").asNode()))));
		reader.nest(NestedField.list("Person", "memberships", OrganisationQueries.MEMBERSHIPS, Membership::from),
				NestedField.list("Officer", "memberships", OrganisationQueries.MEMBERSHIPS, Membership::from),
				NestedField.list("Officer", "postings", OrganisationQueries.POSTINGS, Posting::from),
				NestedField.list("Officer", "ranks", OrganisationQueries.RANKS, RankHeld::from),
				NestedField.list("Officer", "statuses", OrganisationQueries.STATUSES, StatusPeriod::from),
				NestedField.single("Membership", "person", OrganisationQueries.MEMBERSHIP_PERSON, Person::from),
				NestedField.single("Membership", "unit", OrganisationQueries.MEMBERSHIP_UNIT, Unit::from),
				NestedField.single("Posting", "person", OrganisationQueries.POSTING_PERSON, Person::from),
				NestedField.single("Posting", "station", OrganisationQueries.POSTING_STATION, Station::from),
				NestedField.single("Unit", "station", OrganisationQueries.UNIT_STATION, Station::from),
				NestedField.list("Unit", "memberships", OrganisationQueries.UNIT_MEMBERSHIPS, Membership::from)
					.byId(OrganisationQueries.UNIT_MEMBERSHIPS_LOADER),
				NestedField.single("Station", "borough", OrganisationQueries.STATION_BOROUGH, Borough::from),
				NestedField.single("Station", "force", OrganisationQueries.STATION_FORCE, Organisation::from),
				NestedField.list("Station", "units", OrganisationQueries.STATION_UNITS, Unit::from),
				NestedField.list("Borough", "stations", OrganisationQueries.BOROUGH_STATIONS, Station::from));
	}

	@Override
	public List<EntityKind> kinds() {
		return List.of(EntityKind.preferred(Officer.LABEL, Officer::from), EntityKind.of(Person.LABEL, Person::from),
				EntityKind.of(Unit.LABEL, Unit::from), EntityKind.of(Station.LABEL, Station::from),
				EntityKind.of(Borough.LABEL, Borough::from), EntityKind.of(Organisation.LABEL, Organisation::from),
				EntityKind.of(Membership.LABEL, Membership::from), EntityKind.of(Posting.LABEL, Posting::from),
				EntityKind.of(RankHeld.LABEL, RankHeld::from), EntityKind.of(StatusPeriod.LABEL, StatusPeriod::from));
	}

	@QueryMapping
	Connection<Person> people(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Person.LABEL, PageRequest.of(first, after, where, orderBy), Person::from, env);
	}

	@QueryMapping
	Connection<Officer> officers(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Officer.LABEL, PageRequest.of(first, after, where, orderBy), Officer::from, env);
	}

	@QueryMapping
	Connection<Unit> units(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Unit.LABEL, PageRequest.of(first, after, where, orderBy), Unit::from, env);
	}

	@QueryMapping
	Connection<Station> stations(@Argument Integer first, @Argument String after, @Argument Map<String, Object> where,
			@Argument PageRequest.Order orderBy, DataFetchingEnvironment env) {
		return reader.page(Station.LABEL, PageRequest.of(first, after, where, orderBy), Station::from, env);
	}

	@BatchMapping(typeName = "Person", field = "memberships")
	Map<Person, List<Membership>> personMemberships(List<Person> people) {
		return reader.children(OrganisationQueries.MEMBERSHIPS, people, Membership::from);
	}

	@BatchMapping(typeName = "Officer", field = "memberships")
	Map<Officer, List<Membership>> officerMemberships(List<Officer> officers) {
		return reader.children(OrganisationQueries.MEMBERSHIPS, officers, Membership::from);
	}

	@BatchMapping
	Map<Officer, List<Posting>> postings(List<Officer> officers) {
		return reader.children(OrganisationQueries.POSTINGS, officers, Posting::from);
	}

	@BatchMapping
	Map<Officer, List<RankHeld>> ranks(List<Officer> officers) {
		return reader.children(OrganisationQueries.RANKS, officers, RankHeld::from);
	}

	@BatchMapping
	Map<Officer, List<StatusPeriod>> statuses(List<Officer> officers) {
		return reader.children(OrganisationQueries.STATUSES, officers, StatusPeriod::from);
	}

	@BatchMapping(typeName = "Membership", field = "person")
	Map<Membership, Person> membershipPerson(List<Membership> memberships) {
		return reader.child(OrganisationQueries.MEMBERSHIP_PERSON, memberships, Person::from);
	}

	@BatchMapping
	Map<Membership, Unit> unit(List<Membership> memberships) {
		return reader.child(OrganisationQueries.MEMBERSHIP_UNIT, memberships, Unit::from);
	}

	@BatchMapping(typeName = "Posting", field = "person")
	Map<Posting, Person> postingPerson(List<Posting> postings) {
		return reader.child(OrganisationQueries.POSTING_PERSON, postings, Person::from);
	}

	@BatchMapping(typeName = "Posting", field = "station")
	Map<Posting, Station> postingStation(List<Posting> postings) {
		return reader.child(OrganisationQueries.POSTING_STATION, postings, Station::from);
	}

	@BatchMapping(typeName = "Unit", field = "station")
	Map<Unit, Station> unitStation(List<Unit> units) {
		return reader.child(OrganisationQueries.UNIT_STATION, units, Station::from);
	}

	@SchemaMapping(typeName = "Unit", field = "memberships")
	CompletableFuture<List<Membership>> unitMemberships(Unit unit, @Argument LocalDate asOf,
			DataLoader<String, List<Membership>> unitMembershipsLoader) {
		return unitMembershipsLoader.load(unit.id())
			.thenApply(memberships -> memberships.stream().filter(m -> m.covers(asOf)).toList());
	}

	@BatchMapping
	Map<Station, Borough> borough(List<Station> stations) {
		return reader.child(OrganisationQueries.STATION_BOROUGH, stations, Borough::from);
	}

	@BatchMapping
	Map<Station, Organisation> force(List<Station> stations) {
		return reader.child(OrganisationQueries.STATION_FORCE, stations, Organisation::from);
	}

	@BatchMapping
	Map<Station, List<Unit>> units(List<Station> stations) {
		return reader.children(OrganisationQueries.STATION_UNITS, stations, Unit::from);
	}

	@BatchMapping
	Map<Borough, List<Station>> stations(List<Borough> boroughs) {
		return reader.children(OrganisationQueries.BOROUGH_STATIONS, boroughs, Station::from);
	}

}
