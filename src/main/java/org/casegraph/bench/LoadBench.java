package org.casegraph.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench load}: many clients at once, each sending a mix of real queries over HTTP
 * as fast as answers come back, for a fixed time; prints per query the requests, errors
 * and p50/p95/p99, and the throughput of the whole. What each query asks about is picked
 * at random (seeded) from the data, through the API itself, so it runs against a server
 * it starts on a database or against one already running ({@code --url}).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = "Many concurrent clients sending a mix of real queries over HTTP; prints latency and throughput.")
public class LoadBench implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The password for --user, read from the environment rather than the command line.
	 */
	static final String PASSWORD_VARIABLE = "CASEGRAPH_BENCH_PASSWORD";

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	DatabaseOptions database;

	@Option(names = "--url", paramLabel = "URL",
			description = "A running casegraph server, e.g. http://127.0.0.1:8080; without it, one is started on the database.")
	URI url;

	@Option(names = "--reference-case",
			description = "Load the reference case into an empty database first (when starting the server).")
	boolean referenceCase;

	@Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
	int clients;

	@Option(names = "--seconds", defaultValue = "60", description = "How long to measure (default ${DEFAULT-VALUE}).")
	int seconds;

	@Option(names = "--warmup-seconds", defaultValue = "0",
			description = "The same load, unmeasured, first (default ${DEFAULT-VALUE}: measured from the first request).")
	int warmupSeconds;

	@Option(names = "--mix", paramLabel = "QUERY=WEIGHT,...",
			description = "Which queries, how often (default: each once but CASE_WORK, which tags and untags officers "
					+ "with the tag " + CASE_WORK_TAG + "): ${COMPLETION-CANDIDATES}.",
			split = ",")
	Map<Kind, Integer> mix;

	@Option(names = "--user", description = "Log in with HTTP Basic as this user (password from " + PASSWORD_VARIABLE
			+ "); none in local mode.")
	String user;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the random picks (default ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws Exception {
		List<Kind> weighted = weighted();
		String authorization = authorization();
		ConfigurableApplicationContext context = (url == null) ? Jobs.startServer(database, serverSettings()) : null;
		try (HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build()) {
			URI graphql = ((url != null) ? url
					: URI
						.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()))
				.resolve("/graphql");
			Client client = new Client(http, graphql, authorization);
			Picks picks = Picks.from(client);
			if (warmupSeconds > 0) {
				run(client, picks, weighted, warmupSeconds);
			}
			long started = System.nanoTime();
			List<Tally> tallies = run(client, picks, weighted, seconds);
			double elapsed = (System.nanoTime() - started) / 1e9;
			print(System.out, tallies, elapsed, picks);
			return 0;
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
	}

	private Map<String, Object> serverSettings() {
		return Map.of("casegraph.seed.reference-case", String.valueOf(referenceCase));
	}

	private List<Kind> weighted() {
		Map<Kind, Integer> chosen = (mix == null || mix.isEmpty()) ? defaultMix() : mix;
		List<Kind> weighted = new ArrayList<>();
		chosen.forEach((kind, weight) -> {
			if (weight < 0) {
				throw new ParameterException(spec.commandLine(),
						"Option '--mix': the weight of " + kind + " is negative (" + weight + ")");
			}
			for (int i = 0; i < weight; i++) {
				weighted.add(kind);
			}
		});
		if (weighted.isEmpty()) {
			throw new ParameterException(spec.commandLine(), "Option '--mix': every weight is 0");
		}
		return weighted;
	}

	private static Map<Kind, Integer> defaultMix() {
		Map<Kind, Integer> mix = new LinkedHashMap<>();
		for (Kind kind : Kind.values()) {
			if (kind.inDefaultMix) {
				mix.put(kind, 1);
			}
		}
		return mix;
	}

	private String authorization() {
		if (user == null) {
			return null;
		}
		String password = System.getenv(PASSWORD_VARIABLE);
		if (password == null || password.isEmpty()) {
			throw new ParameterException(spec.commandLine(),
					"Option '--user': set the password in the environment variable " + PASSWORD_VARIABLE);
		}
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private List<Tally> run(Client client, Picks picks, List<Kind> weighted, int forSeconds) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(forSeconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Tally>> running = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				Random random = new Random(seed * 1_000 + i);
				running.add(pool.submit(() -> loop(client, picks, weighted, random, deadline)));
			}
			List<Tally> tallies = new ArrayList<>();
			for (Future<Tally> future : running) {
				tallies.add(future.get());
			}
			return tallies;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Tally loop(Client client, Picks picks, List<Kind> weighted, Random random, long deadline) {
		Tally tally = new Tally();
		while (System.nanoTime() < deadline) {
			Kind kind = weighted.get(random.nextInt(weighted.size()));
			Request request = kind.request.apply(new Pick(picks, random));
			long start = System.nanoTime();
			String error = client.send(request);
			tally.record(kind, (System.nanoTime() - start) / 1_000, error);
		}
		return tally;
	}

	private void print(PrintStream out, List<Tally> tallies, double elapsed, Picks picks) {
		Tally all = new Tally();
		tallies.forEach(all::add);
		out.printf("%nbench load: %d clients for %d s%s; %s; %d cores%n%n", clients, seconds,
				(warmupSeconds > 0) ? " after " + warmupSeconds + " s of the same load" : ", from the first request",
				picks.describe(), Runtime.getRuntime().availableProcessors());
		out.println("| query | requests | errors | p50 ms | p95 | p99 |");
		out.println("|---|---:|---:|---:|---:|---:|");
		Histogram total = new Histogram(3);
		long requests = 0;
		long errors = 0;
		for (Kind kind : Kind.values()) {
			Histogram latencies = all.latencies.get(kind);
			if (latencies == null) {
				continue;
			}
			long failed = all.errors.getOrDefault(kind, 0L);
			out.printf("| %s | %,d | %,d | %.1f | %.1f | %.1f |%n", kind.label, latencies.getTotalCount(), failed,
					ms(latencies, 50), ms(latencies, 95), ms(latencies, 99));
			total.add(latencies);
			requests += latencies.getTotalCount();
			errors += failed;
		}
		out.printf("| **all** | %,d | %,d | %.1f | %.1f | %.1f |%n", requests, errors, ms(total, 50), ms(total, 95),
				ms(total, 99));
		out.printf("%nThroughput: %.1f requests/s (%,d in %.1f s), %d errors%n", requests / elapsed, requests, elapsed,
				errors);
		all.firstErrors.forEach((kind, error) -> out.printf("First error of %s: %s%n", kind.label, error));
	}

	private static double ms(Histogram micros, double percentile) {
		return micros.getValueAtPercentile(percentile) / 1_000.0;
	}

	/** The queries of the mix: what the issue tracker's load test sends. */
	enum Kind {

		ENTITY_PAGE("entity page: an officer with units, stations, allegations",
				pick -> new Request(
						"query($id: ID!) { node(id: $id) { ... on Officer { id name rank status memberships { from to "
								+ "unit { id name station { id name } } } allegations { id category status } } } }",
						Map.of("id", pick.officer()))),

		OFFICER_LIST("officer list: 50 with memberships, unit, station",
				pick -> new Request("{ officers(first: 50) { nodes { id name rank "
						+ "memberships { from to unit { id name station { id name } } } } pageInfo { endCursor } } }",
						Map.of())),

		CONTACT_NETWORK("contactNetwork: a unit, all time",
				pick -> new Request("query($s: ScopeInput!) { contactNetwork(scope: $s) " + GRAPH + " }",
						Map.of("s", Map.of("unitIds", List.of(pick.unit()))))),

		WINDOWED_NETWORK("contactNetwork: a unit, 3 months", pick -> {
			OffsetDateTime to = pick.monthEnd();
			return new Request(
					"query($s: ScopeInput!, $f: DateTime, $t: DateTime) { contactNetwork(scope: $s, "
							+ "from: $f, to: $t) " + GRAPH + " }",
					Map.of("s", Map.of("unitIds", List.of(pick.unit())), "f", to.minusMonths(3).toString(), "t",
							to.toString()));
		}),

		NEIGHBOURHOOD("neighbourhood: an officer, depth 2",
				pick -> new Request(
						"query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, perNodeLimit: 20, limit: 500) "
								+ GRAPH + " }",
						Map.of("ids", List.of(pick.officer())))),

		PATHS("paths: two officers, shortest over contacts", pick -> new Request(
				"query($a: ID!, $b: ID!) { paths(from: $a, to: $b, kinds: [\"CONTACTED\"]) { paths { length } } }",
				Map.of("a", pick.officer(), "b", pick.officer()))),

		TIMELINE("timeline: an officer, a year", pick -> {
			LocalDate to = pick.monthEnd().toLocalDate();
			return new Request(
					"query($id: ID!, $f: Date, $t: Date) { timeline(id: $id, from: $f, to: $t) { events { date kind } "
							+ "periods { bucket sent received } } }",
					Map.of("id", pick.officer(), "f", to.minusYears(1).toString(), "t", to.toString()));
		}),

		LINKED_INVESTIGATIONS("linkedInvestigations: an investigation",
				pick -> new Request("query($id: ID!) { linkedInvestigations(id: $id) " + GRAPH + " }",
						Map.of("id", pick.investigation()))),

		SEARCH("search: a person's name",
				pick -> new Request("query($t: String!) { search(text: $t, first: 20) { score node { id } } }",
						Map.of("t", pick.name()))),

		ALLEGATION_SPREAD("allegationSpread: a year by quarter", pick -> {
			LocalDate reported = pick.picks().reported();
			return new Request(
					"query($f: Date, $t: Date) { allegationSpread(from: $f, to: $t, bucket: QUARTER) { buckets { teamId "
							+ "bucket officerIds } links { kind sourceId targetId count } } }",
					Map.of("f", reported.minusYears(1).toString(), "t", reported.toString()));
		}),

		REPORT("report: top-contacts of an officer",
				pick -> new Request(
						"query($p: JSON) { runReport(name: \"top-contacts\", params: $p) { columns rows } }",
						Map.of("p", Map.of("person", pick.officer())))),

		/**
		 * Case work beside the reads: a write, which lets go of every answer kept from
		 * before it, as an investigator's tag does. Only when named in the mix, since it
		 * changes the data.
		 */
		CASE_WORK("case work: an officer tagged or untagged " + CASE_WORK_TAG,
				pick -> new Request(
						"mutation($ids: [ID!]!, $n: String!) { %s(entityIds: $ids, name: $n) { __typename } }"
							.formatted(pick.random().nextBoolean() ? "tag" : "untag"),
						Map.of("ids", List.of(pick.officer()), "n", CASE_WORK_TAG), CASE_WORK_DONE),
				false);

		private final String label;

		private final Function<Pick, Request> request;

		private final boolean inDefaultMix;

		Kind(String label, Function<Pick, Request> request) {
			this(label, request, true);
		}

		Kind(String label, Function<Pick, Request> request, boolean inDefaultMix) {
			this.label = label;
			this.request = request;
			this.inDefaultMix = inDefaultMix;
		}

	}

	/** The tag the case work of the mix puts on officers and takes off them. */
	static final String CASE_WORK_TAG = "bench-load";

	/**
	 * The payloads of case work done: NotFound for a tag taken off before it was put on.
	 */
	private static final Pattern CASE_WORK_DONE = Pattern.compile("\"__typename\":\"(Tagged|NotFound)\"");

	private static final String GRAPH = "{ nodes { id kind label } edges { id kind source target weight } }";

	/**
	 * One request.
	 *
	 * @param document the GraphQL document
	 * @param variables its variables
	 * @param answerHolds what a successful answer holds beyond no errors (a mutation's
	 * payload types), or null
	 */
	record Request(String document, Map<String, Object> variables, Pattern answerHolds) {

		Request(String document, Map<String, Object> variables) {
			this(document, variables, null);
		}

	}

	/** One client's choices, drawn from the picks. */
	private record Pick(Picks picks, Random random) {

		String officer() {
			return pickFrom(picks.officers());
		}

		String name() {
			return pickFrom(picks.names());
		}

		String unit() {
			return pickFrom(picks.units());
		}

		String investigation() {
			return pickFrom(picks.investigations());
		}

		/** The end of one of the last twelve months with messages. */
		OffsetDateTime monthEnd() {
			OffsetDateTime last = picks.lastMessage();
			OffsetDateTime monthStart = last.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(last.getOffset());
			return monthStart.minusMonths(random.nextInt(12)).plusMonths(1).minusNanos(1_000);
		}

		private String pickFrom(List<String> values) {
			return values.get(random.nextInt(values.size()));
		}

	}

	/**
	 * What the queries ask about, read through the API: officers (ids and names), units
	 * with at least two members, investigations, the latest message and allegation.
	 */
	record Picks(List<String> officers, List<String> names, List<String> units, List<String> investigations,
			OffsetDateTime lastMessage, LocalDate reported) {

		static Picks from(Client client) {
			JsonNode data = client.data("""
					{ officers(first: 500) { nodes { id name } }
					  units(first: 500) { nodes { id memberships { id } } }
					  investigations(first: 500) { nodes { id } }
					  messages(first: 1, orderBy: {field: SENT_AT, direction: DESC}) { nodes { sentAt } }
					  allegations(first: 1, orderBy: {field: REPORTED, direction: DESC}) { nodes { reported } } }
					""");
			List<String> officers = new ArrayList<>();
			List<String> names = new ArrayList<>();
			data.path("officers").path("nodes").forEach(officer -> {
				officers.add(officer.path("id").asString());
				names.add(officer.path("name").asString());
			});
			List<String> units = new ArrayList<>();
			data.path("units").path("nodes").forEach(unit -> {
				if (unit.path("memberships").size() >= 2) {
					units.add(unit.path("id").asString());
				}
			});
			List<String> investigations = new ArrayList<>();
			data.path("investigations").path("nodes").forEach(node -> investigations.add(node.path("id").asString()));
			JsonNode lastMessage = data.path("messages").path("nodes").path(0).path("sentAt");
			JsonNode reported = data.path("allegations").path("nodes").path(0).path("reported");
			if (officers.isEmpty() || units.isEmpty() || investigations.isEmpty() || lastMessage.isMissingNode()
					|| reported.isMissingNode()) {
				throw new BenchException(
						"bench load needs officers, a unit with two members, an investigation, a message and an "
								+ "allegation; the database has not all of them (load the reference case or a "
								+ "generated tier first)");
			}
			return new Picks(List.copyOf(officers), List.copyOf(names), List.copyOf(units), List.copyOf(investigations),
					OffsetDateTime.parse(lastMessage.asString()), LocalDate.parse(reported.asString()));
		}

		String describe() {
			return "picked from %d officers, %d units, %d investigations".formatted(officers.size(), units.size(),
					investigations.size());
		}

	}

	/** Sends GraphQL requests; an answer that is not a clean 200 counts as an error. */
	record Client(HttpClient http, URI graphql, String authorization) {

		/** Null when the answer came back without errors, else what went wrong. */
		String send(Request request) {
			try {
				HttpResponse<String> response = http.send(
						post(Map.of("query", request.document(), "variables", request.variables())),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (BenchException.failed(response.statusCode(), response.body())
						|| (request.answerHolds() != null && !request.answerHolds().matcher(response.body()).find())) {
					return response.statusCode() + " " + BenchException.abbreviated(response.body());
				}
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "interrupted";
			}
			catch (Exception ex) {
				return ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
		}

		JsonNode data(String document) {
			try {
				HttpResponse<String> response = http.send(post(Map.of("query", document)),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				JsonNode body = (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
				if (body == null || body.has("errors")) {
					throw BenchException.refused("Its first query (" + graphql + ")", response.statusCode(),
							response.body());
				}
				return body.path("data");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchException("Interrupted", ex);
			}
			catch (java.io.IOException ex) {
				throw new BenchException("No answer from " + graphql + ": " + ex.getMessage(), ex);
			}
		}

		private HttpRequest post(Map<String, Object> body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			return request.build();
		}

	}

	/** One client's latencies (microseconds) and errors by query. */
	private static final class Tally {

		private final Map<Kind, Histogram> latencies = new LinkedHashMap<>();

		private final Map<Kind, Long> errors = new LinkedHashMap<>();

		private final Map<Kind, String> firstErrors = new LinkedHashMap<>();

		void record(Kind kind, long micros, String error) {
			latencies.computeIfAbsent(kind, key -> new Histogram(3)).recordValue(micros);
			if (error != null) {
				errors.merge(kind, 1L, Long::sum);
				firstErrors.putIfAbsent(kind, error);
			}
		}

		void add(Tally other) {
			other.latencies
				.forEach((kind, histogram) -> latencies.computeIfAbsent(kind, key -> new Histogram(3)).add(histogram));
			other.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
			other.firstErrors.forEach(firstErrors::putIfAbsent);
		}

	}

}
