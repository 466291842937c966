package org.casegraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.KeptAnswers;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.Statements;
import org.casegraph.neo4j.StoreVersion;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

import org.springframework.stereotype.Component;

/**
 * How allegations spread across teams: per team and period, the officers with
 * allegations; when each category first appeared in each team; and what joins the teams
 * (messages between their officers with allegations, and officers who moved between
 * them).
 * <p>
 * A spread is kept until the next write to the store, and so are, for each of its
 * officers, the pairs sent to them by anyone with an allegation that its message links
 * are picked from.
 */
@Component
class AllegationSpread {

	/**
	 * Most buckets, links, nodes and edges kept in all, over every request: a year of one
	 * category at tier M holds about 4,000.
	 */
	private static final long MAX_KEPT = 200_000;

	/**
	 * Most pairs kept in all (a few hundred bytes each), each under the officer it was
	 * sent to: at tier M the 233 officers of a year of one category were sent 3,784, and
	 * everyone with an allegation 26,863.
	 */
	private static final long MAX_KEPT_PAIRS = 200_000;

	private final String allegations = CypherScript.load("cypher/network/allegation-spread.cypher").single();

	private final String moves = CypherScript.load("cypher/network/team-moves.cypher").single();

	private final String allegedInto = CypherScript.load("cypher/network/alleged-contacts-into.cypher").single();

	private final ReadOnlyCypher cypher;

	private final Scopes scopes;

	private final ContactNetwork contacts;

	private final KeptAnswers<Request, Spread> spreads;

	private final KeptAnswers<String, List<ContactNetwork.PairCount>> allegedPairsInto;

	AllegationSpread(ReadOnlyCypher cypher, Scopes scopes, ContactNetwork contacts, StoreVersion storeVersion) {
		this.cypher = cypher;
		this.scopes = scopes;
		this.contacts = contacts;
		this.spreads = new KeptAnswers<>(storeVersion, MAX_KEPT, Spread::weight);
		this.allegedPairsInto = new KeptAnswers<>(storeVersion, MAX_KEPT_PAIRS, List::size);
	}

	/**
	 * The spread, kept from before while the store is as it was; asked with
	 * {@code explain}, read again with the officers' own pairs, so that the statements it
	 * explains give its answer.
	 */
	Spread spread(Request request, boolean explain) {
		if (explain) {
			return read(request, true);
		}
		return spreads.get(request.normalized(), () -> read(request, false));
	}

	private Spread read(Request request, boolean explain) {
		return cypher.read(statements -> {
			Scopes.Scope scope = request.scope() == null ? null : scopes.resolve(statements, "scope", request.scope());
			List<Found> found = found(statements, request, scope);
			GraphBuilder graph = new GraphBuilder();
			Map<String, Set<String>> teamsOf = new LinkedHashMap<>();
			for (Found row : found) {
				String officer = graph.node(row.officer());
				String team = row.team() == null ? null : graph.node(row.team());
				teamsOf.computeIfAbsent(officer, id -> new LinkedHashSet<>());
				if (team != null) {
					teamsOf.get(officer).add(team);
					graph.edge("ALLEGED_IN", officer, team, null, Map.of());
				}
			}
			List<Link> links = new ArrayList<>(
					messageLinks(pairsAmong(statements, teamsOf.keySet(), explain), graph, teamsOf));
			links.addAll(moveLinks(statements, graph, teamsOf));
			return new Spread(buckets(found, request.bucket()), firstAppearances(found), links,
					graph.build(null, explain ? statements.executed() : null));
		});
	}

	private List<Found> found(Statements statements, Request request, Scopes.Scope scope) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("category", request.category());
		parameters.put("from", request.from());
		parameters.put("to", request.to());
		List<Found> found = new ArrayList<>();
		for (Record record : statements.run(allegations, parameters)) {
			Node allegation = record.get("allegation").asNode();
			Node officer = record.get("officer").asNode();
			Node team = record.get("unit").isNull() ? null : record.get("unit").asNode();
			LocalDate reported = allegation.get("reported").asLocalDate();
			String officerId = officer.get("id").asString();
			if (scope == null || scope.belonged(officerId, reported)) {
				found.add(new Found(allegation, officer, team, reported));
			}
		}
		return found;
	}

	/**
	 * Every pair among the officers who messaged, ordered by sender and then recipient as
	 * the officers are. The pairs sent to each officer by anyone with an allegation are
	 * kept until the next write to the store, so that a spread reads only those of its
	 * officers that no spread since has (they were about half of the request at 1,000,000
	 * messages); asked with explain, whose statements must give the answer, all its
	 * officers' are read.
	 */
	private List<ContactNetwork.PairCount> pairsAmong(Statements statements, Set<String> officers, boolean explain) {
		Map<String, List<ContactNetwork.PairCount>> byRecipient = explain ? pairsInto(statements, officers)
				: allegedPairsInto.getAll(officers, this::pairsIntoSideBySide);
		Map<String, List<ContactNetwork.PairCount>> bySender = new LinkedHashMap<>();
		officers.forEach(officer -> bySender.put(officer, new ArrayList<>()));
		// Walking the recipients in order leaves each sender's pairs in recipient order:
		// no sort (one looking both officers up for each comparison took about a fifth
		// of the Java of a spread's first ask at tier M, its statements aside).
		for (String officer : officers) {
			for (ContactNetwork.PairCount pair : byRecipient.get(officer)) {
				List<ContactNetwork.PairCount> sent = bySender.get(pair.sender());
				if (sent != null) {
					sent.add(pair);
				}
			}
		}
		List<ContactNetwork.PairCount> pairs = new ArrayList<>();
		bySender.values().forEach(pairs::addAll);
		return pairs;
	}

	/** The pairs sent to each of the officers by anyone with an allegation. */
	private Map<String, List<ContactNetwork.PairCount>> pairsInto(Statements statements, Set<String> officers) {
		Map<String, List<ContactNetwork.PairCount>> byRecipient = new HashMap<>();
		officers.forEach(officer -> byRecipient.put(officer, new ArrayList<>()));
		for (ContactNetwork.PairCount pair : contacts.wholePairs(statements, allegedInto,
				Map.of("ids", List.copyOf(officers)))) {
			byRecipient.get(pair.recipient()).add(pair);
		}
		return byRecipient;
	}

	/**
	 * {@link #pairsInto} the officers cut into parts read side by side: at ten million
	 * messages this statement is most of a spread's first ask.
	 */
	private Map<String, List<ContactNetwork.PairCount>> pairsIntoSideBySide(Set<String> officers) {
		List<Function<Statements, Map<String, List<ContactNetwork.PairCount>>>> parts = new ArrayList<>();
		for (List<String> theirs : ReadOnlyCypher.inParts(List.copyOf(officers))) {
			parts.add(reads -> pairsInto(reads, new LinkedHashSet<>(theirs)));
		}
		Map<String, List<ContactNetwork.PairCount>> byRecipient = new HashMap<>();
		cypher.readSideBySide(parts).forEach(byRecipient::putAll);
		return byRecipient;
	}

	/** Messages between officers with allegations who were in different teams. */
	private List<Link> messageLinks(List<ContactNetwork.PairCount> pairs, GraphBuilder graph,
			Map<String, Set<String>> teamsOf) {
		List<Link> links = new ArrayList<>();
		for (ContactNetwork.PairCount pair : pairs) {
			Set<String> senderTeams = teamsOf.get(pair.sender());
			Set<String> recipientTeams = teamsOf.get(pair.recipient());
			if (senderTeams.isEmpty() || recipientTeams.isEmpty()
					|| senderTeams.stream().anyMatch(recipientTeams::contains)) {
				continue;
			}
			graph.edge("CONTACTED", pair.sender(), pair.recipient(), (double) pair.count(), pair.properties());
			links.add(new Link("MESSAGES", pair.sender(), pair.recipient(), senderTeams.iterator().next(),
					recipientTeams.iterator().next(), pair.count(),
					pair.first() == null ? null : pair.first().toLocalDate(),
					pair.last() == null ? null : pair.last().toLocalDate()));
		}
		return links;
	}

	/** Officers with allegations who moved from one team to another. */
	private List<Link> moveLinks(Statements statements, GraphBuilder graph, Map<String, Set<String>> teamsOf) {
		List<Link> links = new ArrayList<>();
		for (Record record : statements.run(moves, Map.of("ids", List.copyOf(teamsOf.keySet())))) {
			String officer = record.get("officer").asString();
			String from = graph.node(record.get("fromUnit").asNode());
			String to = graph.node(record.get("toUnit").asNode());
			LocalDate date = record.get("date").isNull() ? null : record.get("date").asLocalDate();
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("officer", officer);
			properties.put("date", date == null ? null : date.toString());
			graph.edge("MOVED", from, to, null, properties);
			links.add(new Link("POSTING", officer, officer, from, to, 1, date, date));
		}
		return links;
	}

	private static List<SpreadBucket> buckets(List<Found> found, Bucket bucket) {
		// Ordered by period, then team.
		Map<String, SpreadBucket.Builder> byTeamAndBucket = new TreeMap<>();
		for (Found row : found) {
			String label = bucket.label(row.reported());
			byTeamAndBucket
				.computeIfAbsent(label + "\n" + row.teamId(),
						key -> new SpreadBucket.Builder(row.teamId(), label, bucket.start(row.reported())))
				.add(row);
		}
		return byTeamAndBucket.values().stream().map(SpreadBucket.Builder::build).toList();
	}

	private static List<FirstAppearance> firstAppearances(List<Found> found) {
		Map<String, FirstAppearance> first = new LinkedHashMap<>();
		for (Found row : found) {
			first.putIfAbsent(row.category() + "\n" + row.teamId(), new FirstAppearance(row.category(), row.teamId(),
					row.reported(), row.allegation().get("id").asString(), row.officer().get("id").asString()));
		}
		return List.copyOf(first.values());
	}

	/**
	 * The request.
	 *
	 * @param category only this category; null for all
	 * @param from allegations recorded from this day
	 * @param to allegations recorded up to this day
	 * @param bucket the period to group by
	 * @param scope only officers in this scope at the time; null for all
	 */
	record Request(String category, LocalDate from, LocalDate to, Bucket bucket, ScopeInput scope) {

		/**
		 * The same request with its scope's parts never null: equal requests are equal.
		 */
		Request normalized() {
			return new Request(category, from, to, bucket, scope == null ? null : scope.normalized());
		}

	}

	/** One allegation with its officer and the team they were in. */
	private record Found(Node allegation, Node officer, Node team, LocalDate reported) {

		String teamId() {
			return team == null ? "" : team.get("id").asString();
		}

		String category() {
			return allegation.get("category").asString();
		}

	}

	/**
	 * The officers with allegations in one team in one period.
	 *
	 * @param teamId the team (empty when the officer was in none)
	 * @param bucket the period's name
	 * @param start its first day
	 * @param officerIds the officers
	 * @param allegations how many allegations
	 * @param categories how many of each category
	 */
	record SpreadBucket(String teamId, String bucket, LocalDate start, List<String> officerIds, int allegations,
			List<CategoryCount> categories) {

		/** Collects one bucket. */
		static final class Builder {

			private final String teamId;

			private final String bucket;

			private final LocalDate start;

			private final Set<String> officers = new LinkedHashSet<>();

			private final Map<String, Integer> categories = new TreeMap<>();

			private int allegations;

			Builder(String teamId, String bucket, LocalDate start) {
				this.teamId = teamId;
				this.bucket = bucket;
				this.start = start;
			}

			void add(Found row) {
				officers.add(row.officer().get("id").asString());
				categories.merge(row.category(), 1, Integer::sum);
				allegations++;
			}

			SpreadBucket build() {
				return new SpreadBucket(teamId, bucket, start, List.copyOf(officers), allegations,
						categories.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue())).toList());
			}

		}

	}

	/**
	 * How many allegations of one category.
	 *
	 * @param category the category
	 * @param count how many
	 */
	record CategoryCount(String category, int count) {
	}

	/**
	 * When a category first appeared in a team.
	 *
	 * @param category the category
	 * @param teamId the team (empty when the officer was in none)
	 * @param date the day the first allegation was recorded
	 * @param allegationId that allegation
	 * @param officerId the officer it was against
	 */
	record FirstAppearance(String category, String teamId, LocalDate date, String allegationId, String officerId) {
	}

	/**
	 * Something joining two teams.
	 *
	 * @param kind MESSAGES (officers with allegations messaging across teams) or POSTING
	 * (an officer moving from one team to the other)
	 * @param sourceId the sender, or the officer who moved
	 * @param targetId the recipient, or the officer who moved
	 * @param fromTeamId the first team
	 * @param toTeamId the second team
	 * @param count how many messages (1 for a move)
	 * @param first the first message, or the day of the move
	 * @param last the last message, or the day of the move
	 */
	record Link(String kind, String sourceId, String targetId, String fromTeamId, String toTeamId, long count,
			LocalDate first, LocalDate last) {
	}

	/**
	 * The spread.
	 *
	 * @param buckets per team and period, the officers with allegations
	 * @param firstAppearances per category and team, the first allegation
	 * @param links what joins the teams
	 * @param graph officers, teams and links as a graph
	 */
	record Spread(List<SpreadBucket> buckets, List<FirstAppearance> firstAppearances, List<Link> links, Graph graph) {

		/** How much it holds, to bound what is kept. */
		int weight() {
			return buckets.size() + firstAppearances.size() + links.size() + graph.nodes().size()
					+ graph.edges().size();
		}

	}

}
