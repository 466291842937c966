package org.casegraph.network;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

import org.casegraph.query.BadRequestException;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The network queries: contact networks, neighbourhoods, paths, allegation spread, linked
 * investigations and timelines.
 */
@Controller
class NetworkController {

	private final ContactNetwork contactNetwork;

	private final Neighbourhood neighbourhood;

	private final Paths paths;

	private final AllegationSpread allegationSpread;

	private final LinkedInvestigations linkedInvestigations;

	private final Timeline timeline;

	private final Exposure exposure;

	private final Activity activity;

	NetworkController(ContactNetwork contactNetwork, Neighbourhood neighbourhood, Paths paths,
			AllegationSpread allegationSpread, LinkedInvestigations linkedInvestigations, Timeline timeline,
			Exposure exposure, Activity activity) {
		this.contactNetwork = contactNetwork;
		this.neighbourhood = neighbourhood;
		this.paths = paths;
		this.allegationSpread = allegationSpread;
		this.linkedInvestigations = linkedInvestigations;
		this.timeline = timeline;
		this.exposure = exposure;
		this.activity = activity;
	}

	@QueryMapping
	Activity.Result activity(@Argument ScopeInput scope, @Argument LocalDate from, @Argument LocalDate to,
			@Argument String zone, @Argument boolean flaggedOnly) {
		return activity.of(scope, from, to, zone, flaggedOnly);
	}

	@QueryMapping
	Exposure.Result exposure(@Argument String message, @Argument int days, @Argument boolean explain) {
		return exposure.of(message, days, explain);
	}

	@QueryMapping
	Graph contactNetwork(@Argument ScopeInput scope, @Argument OffsetDateTime from, @Argument OffsetDateTime to,
			@Argument List<ContactNetwork.Via> via, @Argument int minMessages, @Argument boolean includeOutside,
			@Argument boolean explain) {
		if (via.isEmpty()) {
			throw new BadRequestException("Argument 'via': name DIRECT, GROUP or both");
		}
		return contactNetwork.network(scope, new ContactNetwork.Window(from, to), EnumSet.copyOf(via), minMessages,
				includeOutside, explain);
	}

	@QueryMapping
	Graph neighbourhood(@Argument List<String> ids, @Argument int depth, @Argument List<String> kinds,
			@Argument LocalDate asOf, @Argument int limit, @Argument int perNodeLimit, @Argument boolean explain,
			DataFetchingFieldSelectionSet selection) {
		return neighbourhood.expand(new Neighbourhood.Request(ids, depth, kinds, asOf, limit, perNodeLimit,
				selection.contains("edges/properties")), explain);
	}

	@QueryMapping
	Paths.PathResult paths(@Argument String from, @Argument String to, @Argument Paths.Mode mode, @Argument Integer k,
			@Argument int maxLength, @Argument List<String> kinds, @Argument boolean timeOrdered,
			@Argument Integer avoidDegreeAbove, @Argument boolean explain) {
		var request = new Paths.Request(from, to, mode, k, maxLength, kinds, timeOrdered, avoidDegreeAbove);
		return paths.find(request, explain);
	}

	@QueryMapping
	AllegationSpread.Spread allegationSpread(@Argument String category, @Argument LocalDate from,
			@Argument LocalDate to, @Argument Bucket bucket, @Argument ScopeInput scope, @Argument boolean explain) {
		return allegationSpread.spread(new AllegationSpread.Request(category, from, to, bucket, scope), explain);
	}

	@QueryMapping
	Graph linkedInvestigations(@Argument String id, @Argument boolean explain) {
		return linkedInvestigations.of(id, explain);
	}

	@QueryMapping
	Timeline.Result timeline(@Argument String id, @Argument LocalDate from, @Argument LocalDate to,
			@Argument Bucket bucket, @Argument boolean explain) {
		return timeline.of(id, from, to, bucket, explain);
	}

}
