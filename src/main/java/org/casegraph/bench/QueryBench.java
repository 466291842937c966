package org.casegraph.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.casegraph.job.DatabaseOptions;
import org.casegraph.job.Jobs;
import org.casegraph.neo4j.BackgroundWork;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.DriverReplay;
import org.casegraph.neo4j.ReadOnlyCypher;
import org.casegraph.neo4j.ReadOnlyCypher.Statement;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.terms.TermHits;
import org.casegraph.terms.TermList;
import org.casegraph.terms.TermLists;
import org.neo4j.driver.Record;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench queries}: each network query, repeatedly, through GraphQL over HTTP and as
 * every statement that request ran (the query's and its batch loads'), with the same
 * parameters, in one transaction straight through the driver, the two run by run in turn
 * so that both see the same machine; prints p50, p95 and p99 of each and the ratio. Runs
 * on whatever graph the database holds (a generated tier, imported).
 */
@Command(name = "queries", mixinStandardHelpOptions = true,
		description = "Time the network queries through GraphQL over HTTP and as raw Cypher through the driver.")
public class QueryBench implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNIT_NETWORK = "contactNetwork, largest unit, all time";

	private static final String ASKED_FIRST = ", asked for the first time";

	private static final String WORKED_OUT_AGAIN = ", its hits not kept in the store";

	private static final String ONE_EDITED = ", a message it hits edited since its hits were kept";

	/** The message the row {@link #ONE_EDITED} edits before each run. */
	private static final String EDITED = "bench:term-hits-edited";

	private static final String KEPT_CURRENT = CypherScript.load("cypher/bench/kept-current.cypher").single();

	private static final String EDIT_MESSAGE = CypherScript.load("cypher/bench/edit-message.cypher").single();

	private static final String DELETE_EDITED = CypherScript.load("cypher/bench/delete-edited-message.cypher").single();

	private static final String KEPT_HITS = CypherScript.load("cypher/bench/kept-hits.cypher").single();

	private static final String DROP_KEPT_HITS = CypherScript.load("cypher/bench/drop-kept-hits.cypher").single();

	private static final String UNIT_AGGREGATE = CypherScript.load("cypher/bench/unit-aggregate.cypher").single();

	@Mixin
	DatabaseOptions database;

	@Option(names = "--iterations", defaultValue = "200",
			description = "Timed runs per query and path (default ${DEFAULT-VALUE}).")
	int iterations;

	@Option(names = "--warmup", defaultValue = "20",
			description = "Untimed runs of each query and path first, at least (default ${DEFAULT-VALUE}).")
	int warmup;

	@Option(names = "--warmup-seconds", defaultValue = "5",
			description = "Seconds each query and its replay keep running untimed before any is timed, at least "
					+ "(default ${DEFAULT-VALUE}): the JIT compiles a request's path only after some thousands of "
					+ "requests, and a server that has run a while is what users query.")
	int warmupSeconds;

	/**
	 * Texts are split at a comma with no space after it: the rows' own names hold a comma
	 * and a space, so that a row's name, as the table prints it, picks that row.
	 */
	@Option(names = "--only", split = ",(?! )", paramLabel = "TEXT",
			description = "Only the rows whose name contains one of these texts (any case). Several are separated by "
					+ "commas; a comma followed by a space is part of a text, as in the rows' names, so a row's name "
					+ "as the table prints it picks that row (and any row whose name goes on from it).")
	List<String> only;

	@Override
	public Integer call() throws Exception {
		try (ConfigurableApplicationContext context = Jobs.startServer(database);
				CloseableHttpClient http = client();
				EditedMessage edited = new EditedMessage(context.getBean(BulkCypher.class))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			ReadOnlyCypher cypher = context.getBean(ReadOnlyCypher.class);
			DriverReplay driver = context.getBean(DriverReplay.class);
			StoreVersion storeVersion = context.getBean(StoreVersion.class);
			BooleanSupplier keepingIdle = context.getBean(TermHits.class)::idle;
			BulkCypher writes = context.getBean(BulkCypher.class);
			List<Statement> ran = Collections.synchronizedList(new ArrayList<>());
			// A request's statements: not those of background work a row's write set off.
			cypher.observe(statements -> {
				if (!BackgroundWork.onBackgroundThread()) {
					ran.addAll(statements);
				}
			});
			Map<String, Object> picked = picked(cypher);
			ensureTermList(context.getBean(TermLists.class));
			PrintStream out = System.out;
			out.printf("%nbench queries: %s; %d timed runs each after at least %d warm-up runs and %d s; %d cores%n%n",
					describe(cypher), iterations, warmup, warmupSeconds, Runtime.getRuntime().availableProcessors());
			out.println("| query | statements | GraphQL p50 ms | p95 | p99 | Cypher p50 ms | p95 | p99 "
					+ "| GraphQL / Cypher (p50) | answer KB |");
			out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
			List<BenchQuery> chosen = queries(picked).stream().filter(query -> chosen(query.name(), only)).toList();
			// Every query's warm-up comes first, so that the first rows are not timed
			// on a JVM that has compiled less than the last ones.
			Map<BenchQuery, List<Statement>> statementsOf = new LinkedHashMap<>();
			// Each answer's size goes beside its times: a question's cost should follow
			// what it answers, not the store.
			Map<BenchQuery, Integer> answerBytes = new HashMap<>();
			for (BenchQuery query : chosen) {
				// The statements of the second ask: what a request runs once what it
				// worked out is kept (or, asked for the first time, all it reads).
				Asker graphQl = asker(http, port, query, storeVersion, writes, keepingIdle);
				graphQl.run();
				ran.clear();
				graphQl.run();
				List<Statement> statements = List.copyOf(ran);
				statementsOf.put(query, statements);
				answerBytes.put(query, post(http, port, query).getBytes(StandardCharsets.UTF_8).length);
				long until = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
				for (int i = 1; i < warmup || System.nanoTime() < until; i++) {
					graphQl.run();
					driver.replay(statements, Duration.ofSeconds(10));
				}
			}
			// The unit's network is also set against the aggregate's one-statement read,
			// the three taken in turn run by run.
			List<Statement> aggregate = List.of(new Statement(UNIT_AGGREGATE, Map.of("unit", picked.get("unit"))));
			Runner aggregateRead = () -> driver.replay(aggregate, Duration.ofSeconds(10));
			List<String> againstAggregate = new ArrayList<>();
			for (BenchQuery query : chosen) {
				Asker graphQl = asker(http, port, query, storeVersion, writes, keepingIdle);
				List<Statement> statements = statementsOf.get(query);
				Runner raw = () -> driver.replay(statements, Duration.ofSeconds(10));
				boolean withAggregate = query.name().startsWith(UNIT_NETWORK);
				// A row asked for the first time before this one left what this one keeps
				// out of date: one untimed ask keeps it again, so that no timed run of a
				// kept row is a first ask.
				graphQl.run();
				if (withAggregate) {
					for (int i = 0; i < warmup; i++) {
						aggregateRead.run();
					}
				}
				Histogram overHttp = new Histogram(3);
				Histogram direct = new Histogram(3);
				Histogram aggregateMicros = new Histogram(3);
				for (int i = 0; i < iterations; i++) {
					time(graphQl, overHttp);
					if (!statements.isEmpty()) {
						time(raw, direct);
					}
					if (withAggregate) {
						time(aggregateRead, aggregateMicros);
					}
				}
				out.println(row(query, statements.size(), overHttp, direct, answerBytes.get(query)));
				if (withAggregate) {
					againstAggregate.add(
							"%s through GraphQL: %.1f ms p50; the same unit's pairs read from the aggregate alone, one statement through the driver (membership dates ignored): %.1f ms p50; %.2fx"
								.formatted(query.name(), ms(overHttp, 50), ms(aggregateMicros, 50),
										ms(overHttp, 50) / ms(aggregateMicros, 50)));
				}
			}
			if (!againstAggregate.isEmpty()) {
				out.println();
				againstAggregate.forEach(out::println);
			}
			out.println();
			out.println("Asked about: " + picked);
			return 0;
		}
	}

	/**
	 * A table row; a request that runs no statement (its answer kept) has no Cypher to
	 * set it against.
	 */
	private static String row(BenchQuery query, int statements, Histogram overHttp, Histogram direct, int answerBytes) {
		String graphQl = "%.1f | %.1f | %.1f".formatted(ms(overHttp, 50), ms(overHttp, 95), ms(overHttp, 99));
		double answerKb = answerBytes / 1024.0;
		if (statements == 0) {
			return "| %s | 0 | %s | - | - | - | - | %.1f |".formatted(query.name(), graphQl, answerKb);
		}
		return "| %s | %d | %s | %.1f | %.1f | %.1f | %.2f | %.1f |".formatted(query.name(), statements, graphQl,
				ms(direct, 50), ms(direct, 95), ms(direct, 99), ms(overHttp, 50) / ms(direct, 50), answerKb);
	}

	/**
	 * One ask of a query; asked for the first time, everything kept from before is left
	 * out of date first, as a write would; asked after its messages changed, the term
	 * hits kept in the store are dropped too, as a change to what they read leaves them.
	 */
	private static Asker asker(CloseableHttpClient http, int port, BenchQuery query, StoreVersion storeVersion,
			BulkCypher writes, BooleanSupplier keepingIdle) {
		Runner ask = () -> post(http, port, query);
		return switch (query.ask()) {
			case KEPT -> new Asker(() -> {
			}, ask);
			case FIRST -> new Asker(storeVersion::forgetKept, ask);
			case INPUTS_CHANGED -> new Asker(() -> dropKeptHits(writes, storeVersion, keepingIdle), ask);
			case ONE_EDITED -> new Asker(() -> editOne(writes, storeVersion, keepingIdle), ask);
		};
	}

	/**
	 * Once the run before has kept the hits it brought up to date, edits a message the
	 * term list hits (made on first use, deleted after the rows), as an investigator's or
	 * a Bolt client's write would: the next ask finds the hits kept in the store one
	 * message out of date. An external database keeps none: there every ask finds the
	 * hits itself.
	 */
	private static void editOne(BulkCypher writes, StoreVersion storeVersion, BooleanSupplier keepingIdle)
			throws InterruptedException {
		if (storeVersion.current().isEmpty()) {
			return;
		}
		awaitKept(writes, KEPT_CURRENT, keepingIdle);
		Map<String, Object> edit = new HashMap<>();
		edit.put("id", EDITED);
		edit.put("body", "Edited by bench queries: bluebottle, edit " + System.nanoTime());
		edit.put("sentAt", OffsetDateTime.now(ZoneOffset.UTC));
		writes.write(EDIT_MESSAGE, edit);
		storeVersion.forgetKept();
	}

	/**
	 * Waits for the store to keep the term list's hits, as this read finds them: first
	 * until no keeping waits or runs (up to a minute: at tier L, keeping the 120,000 hits
	 * an ask found took more than 10 s under a flight recording, and hits dropped before
	 * that were kept again, so the next ask of the row "not kept" read them), then up to
	 * 10 s more for the read.
	 */
	private static void awaitKept(BulkCypher writes, String read, BooleanSupplier keepingIdle)
			throws InterruptedException {
		long idleBy = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!keepingIdle.getAsBoolean() && System.nanoTime() < idleBy) {
			Thread.sleep(1);
		}
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Map<String, Object> list = Map.of("list", TERM_LIST);
		while (writes.read(tx -> tx.list(read, list)).isEmpty() && System.nanoTime() < until) {
			Thread.sleep(1);
		}
	}

	/**
	 * Drops the term hits kept in the store once the run before has kept them (an ask
	 * keeps what it worked out after answering), and everything kept in memory. An
	 * external database keeps neither: there every ask finds the hits itself.
	 */
	private static void dropKeptHits(BulkCypher writes, StoreVersion storeVersion, BooleanSupplier keepingIdle)
			throws InterruptedException {
		if (storeVersion.current().isEmpty()) {
			return;
		}
		awaitKept(writes, KEPT_HITS, keepingIdle);
		writes.write(DROP_KEPT_HITS, Map.of("list", TERM_LIST));
		storeVersion.forgetKept();
	}

	/**
	 * The message the row {@link #ONE_EDITED} edits, deleted once the rows are timed (or
	 * have failed), before the server stops.
	 */
	private record EditedMessage(BulkCypher writes) implements AutoCloseable {

		@Override
		public void close() {
			writes.write(DELETE_EDITED, Map.of("id", EDITED));
		}

	}

	/** One ask, after what leaves it as its row asks it (untimed). */
	private record Asker(Runner before, Runner ask) implements Runner {

		@Override
		public void run() throws Exception {
			before.run();
			ask.run();
		}

	}

	/** One ask's latency in microseconds, what comes before it untimed. */
	private static void time(Asker asker, Histogram micros) throws Exception {
		asker.before().run();
		time(asker.ask(), micros);
	}

	/** One run's latency in microseconds, to three significant digits. */
	private static void time(Runner runner, Histogram micros) throws Exception {
		long start = System.nanoTime();
		runner.run();
		micros.recordValue((System.nanoTime() - start) / 1_000);
	}

	private static double ms(Histogram micros, double percentile) {
		return micros.getValueAtPercentile(percentile) / 1_000.0;
	}

	/**
	 * One connection, used by the one thread that asks, with nothing but HTTP itself: the
	 * JDK's {@code HttpClient} hands each exchange between the asking thread, its
	 * selector thread and its executor, and those hand-offs took 0.2 to 0.5 ms of most
	 * requests (docs/benchmarks.md), counted against GraphQL where they belong to the
	 * client.
	 */
	private static CloseableHttpClient client() {
		return HttpClients.createMinimal(new BasicHttpClientConnectionManager());
	}

	/** One ask, and its answer. */
	private static String post(CloseableHttpClient http, int port, BenchQuery query) throws Exception {
		HttpPost post = new HttpPost("http://127.0.0.1:" + port + "/graphql");
		post.setEntity(new StringEntity(
				JSON.writeValueAsString(Map.of("query", query.document(), "variables", query.variables())),
				ContentType.APPLICATION_JSON));
		return http.execute(post, response -> {
			String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
			if (BenchException.failed(response.getCode(), body)) {
				throw BenchException.refused("The row '" + query.name() + "'", response.getCode(), body);
			}
			return body;
		});
	}

	private static Map<String, Object> picked(ReadOnlyCypher cypher) {
		return new LinkedHashMap<>(BenchStore.picked(cypher).asMap());
	}

	private static String describe(ReadOnlyCypher cypher) {
		Record counts = cypher
			.list(CypherScript.load("cypher/bench/store-size.cypher").single(), Map.of(), record -> record)
			.getFirst();
		return "%,d people, %,d messages, %,d contact pairs".formatted(counts.get("people").asLong(),
				counts.get("messages").asLong(), counts.get("pairs").asLong());
	}

	/**
	 * Whether {@code --only}'s texts (null: none given) pick the row named {@code name}.
	 */
	static boolean chosen(String name, List<String> only) {
		String lower = name.toLowerCase(Locale.ROOT);
		return only == null || only.stream().anyMatch(text -> lower.contains(text.toLowerCase(Locale.ROOT)));
	}

	private static List<BenchQuery> queries(Map<String, Object> picked) {
		OffsetDateTime last = ((java.time.ZonedDateTime) picked.get("lastMessage")).toOffsetDateTime();
		String to = last.toString();
		String from = last.minusMonths(3).toString();
		LocalDate reported = (LocalDate) picked.get("reported");
		Map<String, Object> unit = Map.of("unitIds", List.of(picked.get("unit")));
		String graph = "{ nodes { id kind label properties } edges { id kind source target weight properties } }";
		List<BenchQuery> queries = new ArrayList<>();
		queries.add(BenchQuery.of("entity page, 1 officer's id (the floor of a request)",
				"{ officers(first: 1) { nodes { id } } }", Map.of()));
		queries.add(BenchQuery.of("entity page, 50 officers with memberships, unit, station",
				"{ officers(first: 50) { nodes { id name rank memberships { from to role unit { id name "
						+ "station { id name } } } } } }",
				Map.of()));
		queries.add(BenchQuery.of("messages, the latest 50 by time",
				"{ messages(first: 50, orderBy: {field: SENT_AT, direction: DESC}) { nodes { id sentAt channel } } }",
				Map.of()));
		queries.add(BenchQuery.of("contactNetwork, largest unit, last 3 months",
				"query($s: ScopeInput!, $f: DateTime, $t: DateTime) { contactNetwork(scope: $s, from: $f, to: $t) "
						+ graph + " }",
				Map.of("s", unit, "f", from, "t", to)));
		OffsetDateTime monthStart = last.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(last.getOffset());
		queries.add(BenchQuery.of("contactNetwork, largest unit, last 3 calendar months",
				"query($s: ScopeInput!, $f: DateTime, $t: DateTime) { contactNetwork(scope: $s, from: $f, to: $t) "
						+ graph + " }",
				Map.of("s", unit, "f", monthStart.minusMonths(2).toString(), "t",
						monthStart.plusMonths(1).minusNanos(1000).toString())));
		BenchQuery unitNetwork = BenchQuery.of(UNIT_NETWORK,
				"query($s: ScopeInput!) { contactNetwork(scope: $s) " + graph + " }", Map.of("s", unit));
		queries.add(unitNetwork);
		queries.add(unitNetwork.askedFirst());
		queries.add(BenchQuery.of("neighbourhood, an officer, depth 2",
				"query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, perNodeLimit: 20, limit: 500) " + graph
						+ " }",
				Map.of("ids", List.of(picked.get("officer")))));
		queries.add(BenchQuery.of("paths SHORTEST, two team members who never messaged",
				"query($a: ID!, $b: ID!) { paths(from: $a, to: $b, kinds: [\"CONTACTED\"]) { paths { length } graph "
						+ graph + " } }",
				Map.of("a", picked.get("officer"), "b", picked.get("stranger"))));
		queries.add(BenchQuery.of("paths K_SHORTEST k=5, officers of two units",
				"query($a: ID!, $b: ID!) { paths(from: $a, to: $b, mode: K_SHORTEST, k: 5, kinds: [\"CONTACTED\"]) "
						+ "{ paths { length } graph " + graph + " } }",
				Map.of("a", picked.get("officer"), "b", picked.get("otherUnitOfficer"))));
		BenchQuery spread = BenchQuery.of("allegationSpread, one category, a year by quarter",
				"query($c: AllegationCategory, $f: Date, $t: Date) { allegationSpread(category: $c, from: $f, to: $t, "
						+ "bucket: QUARTER) { buckets { teamId bucket officerIds } firstAppearances { category teamId date } "
						+ "links { kind sourceId targetId count } graph " + graph + " } }",
				Map.of("c", picked.get("category"), "f", reported.minusYears(1).toString(), "t", reported.toString()));
		queries.add(spread);
		queries.add(spread.askedFirst());
		queries.add(BenchQuery.of("linkedInvestigations, the most linked",
				"query($id: ID!) { linkedInvestigations(id: $id) " + graph + " }",
				Map.of("id", picked.get("investigation"))));
		queries.add(BenchQuery.of("timeline, an officer, a year by month",
				"query($id: ID!, $f: Date, $t: Date) { timeline(id: $id, from: $f, to: $t) { events { date kind relatedId } "
						+ "periods { bucket sent received } } }",
				Map.of("id", picked.get("officer"), "f", last.toLocalDate().minusYears(1).toString(), "t",
						last.toLocalDate().toString())));
		queries.add(BenchQuery.of("activity, largest unit, all time",
				"query($s: ScopeInput!) { activity(scope: $s) { messages flagged cells { dayOfWeek hour messages flagged } "
						+ "months { month messages flagged } } }",
				Map.of("s", unit)));
		queries.add(BenchQuery.of("conversation, an officer and their top contact, a page of 50",
				"query($b: [ID!]) { conversation(between: $b, first: 50) { edges { cursor node { id sentAt body "
						+ "channel flagged sender { id } chatGroup { id } } } pageInfo { hasNextPage endCursor } } }",
				Map.of("b", List.of(picked.get("officer"), picked.get("partner")))));
		BenchQuery termHits = BenchQuery.of("termHits, a 20-term list, every message",
				"query($l: String!) { termHits(list: $l) " + TERM_HITS + " }", Map.of("l", TERM_LIST));
		queries.add(termHits);
		queries.add(termHits.askedFirst());
		queries.add(termHits.askedAfterOneEdited());
		queries.add(termHits.askedAfterItsInputsChanged());
		String exposure = "query($m: ID!) { exposure(message: $m, days: 7) { exposed { id via failureToReport { id } } "
				+ "onward { messageId from to sentAt } graph " + graph + " } }";
		queries.add(BenchQuery.of("exposure, the latest flagged group message, 7 days", exposure,
				Map.of("m", picked.get("groupMessage"))));
		if (picked.get("earlierGroupMessage") != null) {
			queries.add(BenchQuery.of("exposure, a flagged group message a year before the last message, 7 days",
					exposure, Map.of("m", picked.get("earlierGroupMessage"))));
		}
		return queries;
	}

	/** What the termHits rows select. */
	private static final String TERM_HITS = "{ messages hits terms { term messages hits } people { key messages } "
			+ "units { key messages } months { key messages } matches { message { id sentAt } spans { term start end text } } }";

	/** The term list the termHits rows ask about. */
	static final String TERM_LIST = "bench-20";

	/**
	 * Twenty words and phrases of the kind a misconduct review lists: the four flag names
	 * the generated flagged messages carry, and sixteen that occur nowhere or rarely (as
	 * most terms of a real list do).
	 */
	private static final List<String> TERMS = List.of("discriminatory", "sexualised", "violent", "threatening",
			"bluebottle", "tin hat", "code marmalade", "paper lantern", "night owls", "lemon squeezer", "kettled",
			"delete this", "off the record", "keep it quiet", "banter", "snowflake", "liability", "grass", "nobody saw",
			"our secret");

	private static void ensureTermList(TermLists lists) {
		if (lists.all(TERM_LIST).isEmpty()) {
			lists.save(TERM_LIST, TERMS.stream().map(text -> new TermList.Term(text, false)).toList(),
					"bench queries' term list", "bench");
		}
	}

	/** One timed request. */
	@FunctionalInterface
	private interface Runner {

		void run() throws Exception;

	}

	/**
	 * A query to time.
	 *
	 * @param name what it asks, in the table
	 * @param document the GraphQL document
	 * @param variables its variables
	 * @param ask what each run finds kept from the run before
	 */
	private record BenchQuery(String name, String document, Map<String, Object> variables, Ask ask) {

		static BenchQuery of(String name, String document, Map<String, Object> variables) {
			return new BenchQuery(name, document, variables, Ask.KEPT);
		}

		BenchQuery askedFirst() {
			return new BenchQuery(name + ASKED_FIRST, document, variables, Ask.FIRST);
		}

		BenchQuery askedAfterOneEdited() {
			return new BenchQuery(name + ONE_EDITED, document, variables, Ask.ONE_EDITED);
		}

		BenchQuery askedAfterItsInputsChanged() {
			return new BenchQuery(name + WORKED_OUT_AGAIN, document, variables, Ask.INPUTS_CHANGED);
		}

	}

	/** What a row's runs find kept from the run before. */
	private enum Ask {

		/** Whatever the run before kept. */
		KEPT,

		/** Nothing kept in memory, as after any write. */
		FIRST,

		/**
		 * Nothing kept in memory, and the term hits kept in the store one message out of
		 * date: a message they hit edited (by a Bolt client, say) since.
		 */
		ONE_EDITED,

		/**
		 * Nothing kept in memory nor term hits kept in the store: as for a version no one
		 * has asked about, or after a write that changed more than the store's log of
		 * changes follows, until they are worked out again.
		 */
		INPUTS_CHANGED

	}

}
