package org.casegraph.casework;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.casegraph.casework.Payloads.Invalid;
import org.casegraph.casework.Payloads.NotFound;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.query.GraphReader;
import org.casegraph.security.Caller;
import org.casegraph.security.Disclosure;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Saved searches: a query kept by name, run again with the rights of whoever runs it (the
 * access policy and the audit see the run as part of their request), and compared with
 * what that user got the time before.
 */
@Component
class SavedSearches {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String save = script("cypher/casework/save-search.cypher");

	private final String visible = script("cypher/casework/saved-searches.cypher");

	private final String lastRun = script("cypher/casework/last-run.cypher");

	private final String recordRun = script("cypher/casework/record-run.cypher");

	private final BulkCypher writes;

	private final GraphReader reads;

	private final ObjectProvider<ExecutionGraphQlService> graphQl;

	private final StoreVersion storeVersion;

	SavedSearches(BulkCypher writes, GraphReader reads, ObjectProvider<ExecutionGraphQlService> graphQl,
			StoreVersion storeVersion) {
		this.writes = writes;
		this.reads = reads;
		this.graphQl = graphQl;
		this.storeVersion = storeVersion;
	}

	Object save(Caller caller, Disclosure disclosure, String name, String query, Map<String, Object> variables,
			boolean shared) {
		Object refused = Payloads.refused(caller, disclosure, "saveSearch");
		if (refused != null) {
			return refused;
		}
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			return new Invalid("Argument 'name': a saved search's name has 1 to 200 characters", "name");
		}
		String problem = problem(query);
		if (problem != null) {
			return new Invalid("Argument 'query': " + problem, "query");
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", "search:" + UUID.randomUUID());
		parameters.put("name", name.strip());
		parameters.put("query", query);
		parameters.put("variables", JSON.writeValueAsString((variables == null) ? Map.of() : variables));
		parameters.put("owner", caller.name());
		parameters.put("shared", shared);
		parameters.put("at", ZonedDateTime.now(ZoneOffset.UTC));
		SavedSearch search = storeVersion
			.keptThrough(() -> writes.write(tx -> SavedSearch.from(single(tx.list(save, parameters)))));
		disclosure.changed(Map.of("mutation", "saveSearch", "search", search.id(), "shared", shared));
		return search;
	}

	List<SavedSearch> visibleTo(Caller caller) {
		return find(caller, null);
	}

	Object run(Caller caller, Disclosure disclosure, String id) {
		List<SavedSearch> found = find(caller, id);
		if (found.isEmpty()) {
			return new NotFound("No saved search you can see has the id " + id, List.of(id));
		}
		SavedSearch search = found.getFirst();
		Answer answer = execute(caller, disclosure, search);
		if (answer.error() != null) {
			return new Invalid("The saved search failed: " + answer.error(), "id");
		}
		Optional<LastRun> last = lastRun(search, caller);
		List<String> fresh = answer.newSince(last.map(LastRun::ids).orElse(List.of()));
		Map<String, Object> run = Map.of("id", runId(search, caller), "search", search.id(), "user", caller.name(),
				"ids", answer.ids(), "at", ZonedDateTime.now(ZoneOffset.UTC));
		storeVersion.keptThrough(() -> writes.write(tx -> tx.list(recordRun, run)));
		return new SavedSearchRun(search, answer.data(), answer.ids(), fresh, last.map(LastRun::at).orElse(null));
	}

	/**
	 * The searches the caller sees whose answers now hold ids their last run did not; the
	 * runs are not recorded, so the alert stays until the caller runs the search.
	 */
	List<Alert> alerts(Caller caller, Disclosure disclosure) {
		List<Alert> alerts = new ArrayList<>();
		for (SavedSearch search : visibleTo(caller)) {
			Optional<LastRun> last = lastRun(search, caller);
			if (last.isEmpty()) {
				continue;
			}
			Answer answer = execute(caller, disclosure, search);
			List<String> fresh = (answer.error() != null) ? List.of() : answer.newSince(last.get().ids());
			if (!fresh.isEmpty()) {
				alerts.add(new Alert(search, fresh));
			}
		}
		return alerts;
	}

	/** What the caller got when they last ran a search, if they ever did. */
	private Optional<LastRun> lastRun(SavedSearch search, Caller caller) {
		return reads
			.list(lastRun, Map.of("id", runId(search, caller)),
					record -> new LastRun(record.get("ids").asList(Value::asString),
							record.get("at").asZonedDateTime().toOffsetDateTime()))
			.stream()
			.findFirst();
	}

	private static String runId(SavedSearch search, Caller caller) {
		return search.id() + "|" + caller.name();
	}

	private List<SavedSearch> find(Caller caller, String id) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("user", caller.name());
		parameters.put("id", id);
		return reads.list(visible, parameters, record -> SavedSearch.from(record.get("search").asMap()));
	}

	/** Runs a search's query as the caller, inside the caller's request. */
	private Answer execute(Caller caller, Disclosure disclosure, SavedSearch search) {
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(search.query(), null,
				search.variables(), Map.of(), "saved-search:" + search.id(), Locale.ROOT);
		request.configureExecutionInput((input,
				builder) -> builder.graphQLContext(Map.of(Caller.KEY, caller, Disclosure.KEY, disclosure)).build());
		ExecutionGraphQlResponse response = graphQl.getObject().execute(request).block();
		if (!response.getErrors().isEmpty()) {
			return new Answer(null, List.of(), response.getErrors().getFirst().getMessage());
		}
		Object data = response.getData();
		Set<String> ids = new LinkedHashSet<>();
		collectIds(data, ids);
		return new Answer(data, List.copyOf(ids), null);
	}

	/** Every entity id in an answer: the {@code id} of each object but graph edges. */
	private static void collectIds(Object value, Set<String> ids) {
		if (value instanceof Map<?, ?> map) {
			boolean edge = map.containsKey("source") && map.containsKey("target");
			if (!edge && map.get("id") instanceof String id) {
				ids.add(id);
			}
			map.values().forEach(child -> collectIds(child, ids));
		}
		else if (value instanceof List<?> list) {
			list.forEach(child -> collectIds(child, ids));
		}
	}

	/**
	 * What is wrong with a document to save, or null: it must parse and hold one query.
	 */
	private static String problem(String query) {
		if (query == null || query.isBlank()) {
			return "a saved search needs a GraphQL query";
		}
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return "not GraphQL: " + ex.getMessage();
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.QUERY) {
			return "a saved search is one query, not a mutation or several operations";
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> single(List<Map<String, Object>> rows) {
		return (Map<String, Object>) rows.getFirst().get("search");
	}

	private static String script(String path) {
		return CypherScript.load(path).single();
	}

	/**
	 * A saved search.
	 *
	 * @param id its id
	 * @param name its name
	 * @param query the GraphQL document
	 * @param variables its variables
	 * @param owner who saved it
	 * @param shared whether every user sees it
	 * @param createdAt when it was saved
	 */
	record SavedSearch(String id, String name, String query, Map<String, Object> variables, String owner,
			boolean shared, OffsetDateTime createdAt) {

		@SuppressWarnings("unchecked")
		static SavedSearch from(Map<String, Object> stored) {
			return new SavedSearch((String) stored.get("id"), (String) stored.get("name"), (String) stored.get("query"),
					JSON.readValue((String) stored.get("variables"), Map.class), (String) stored.get("owner"),
					Boolean.TRUE.equals(stored.get("shared")),
					((ZonedDateTime) stored.get("createdAt")).toOffsetDateTime());
		}

	}

	/**
	 * A saved search run now.
	 *
	 * @param search the search
	 * @param result its answer
	 * @param ids every entity id in it
	 * @param newIds those the caller did not get last time
	 * @param lastRunAt when the caller last ran it, or null
	 */
	record SavedSearchRun(SavedSearch search, Object result, List<String> ids, List<String> newIds,
			OffsetDateTime lastRunAt) {
	}

	/**
	 * A saved search that gained entities.
	 *
	 * @param search the search
	 * @param newIds the entities gained
	 */
	record Alert(SavedSearch search, List<String> newIds) {
	}

	private record Answer(Object data, List<String> ids, String error) {

		/** The ids of this answer that an earlier one did not hold. */
		List<String> newSince(List<String> earlier) {
			Set<String> before = Set.copyOf(earlier);
			return ids.stream().filter(id -> !before.contains(id)).toList();
		}

	}

	/**
	 * What a user got when they last ran a search.
	 *
	 * @param ids the entity ids of that answer
	 * @param at when
	 */
	private record LastRun(List<String> ids, OffsetDateTime at) {
	}

}
