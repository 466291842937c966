package org.casegraph.resolution;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.casegraph.ingest.ImportFinished;
import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.query.Connection;
import org.casegraph.query.Cursor;
import org.casegraph.query.GraphReader;
import org.casegraph.query.PageRequest;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The match candidates: found again after every import (so that {@code import whatsapp}
 * feeds the accounts it could not tie to anyone into them), stored one per pair, listed
 * best first.
 */
@Component
public class MatchCandidates {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchCandidates.class);

	private final String unresolvedAccounts = script("cypher/resolution/unresolved-accounts.cypher");

	private final String people = script("cypher/resolution/people.cypher");

	private final String contactMonths = script("cypher/resolution/contact-months.cypher");

	private final String saveCandidates = script("cypher/resolution/save-candidates.cypher");

	private final String candidatesPage = script("cypher/resolution/candidates-page.cypher");

	private final String candidatesCount = script("cypher/resolution/candidates-count.cypher");

	private final BulkCypher writes;

	private final GraphReader reads;

	MatchCandidates(BulkCypher writes, GraphReader reads) {
		this.writes = writes;
		this.reads = reads;
	}

	@EventListener
	void imported(ImportFinished finished) {
		int found = refresh();
		log.info("{} match candidates for the accounts no person is tied to, after {}", found, finished.name());
	}

	/**
	 * Looks for candidates among every unresolved account and stores them (a pair decided
	 * before keeps its decision); returns how many pairs were found.
	 */
	public int refresh() {
		List<MatchFinder.Found> found = writes.read(tx -> {
			List<MatchFinder.Account> accounts = tx.list(unresolvedAccounts, Map.of())
				.stream()
				.map(row -> new MatchFinder.Account((String) row.get("id"), (String) row.get("handle"),
						strings(row.get("groups"))))
				.toList();
			if (accounts.isEmpty()) {
				return List.<MatchFinder.Found>of();
			}
			List<MatchFinder.Person> persons = tx.list(people, Map.of()).stream().map(MatchCandidates::person).toList();
			return new MatchFinder(accounts, persons, contactMonths(tx, accounts)).find();
		});
		if (found.isEmpty()) {
			return 0;
		}
		List<Map<String, Object>> rows = found.stream().map(MatchCandidates::row).toList();
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		writes.write(tx -> {
			BulkCypher.chunks(rows, 1_000)
				.forEach(chunk -> tx.execute(saveCandidates, Map.of("rows", chunk, "at", now)));
			return null;
		});
		return found.size();
	}

	/** How many candidates are still to decide. */
	public long open() {
		return reads.list(candidatesCount, Map.of(), record -> record.get("count").asLong()).getFirst();
	}

	/** A page of the candidates still to decide, best first. */
	Connection<MatchCandidate> page(Integer first, String after) {
		int limit = PageRequest.of(first, after, null, null).first();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("limit", limit + 1);
		parameters.put("afterRank", null);
		parameters.put("afterId", null);
		if (after != null) {
			Cursor cursor = Cursor.decode(after, Long.class);
			parameters.put("afterRank", cursor.sortValue());
			parameters.put("afterId", cursor.id());
		}
		List<Connection.Edge<MatchCandidate>> edges = reads.list(candidatesPage, parameters, record -> {
			MatchCandidate candidate = MatchCandidate.from(record.get("candidate").asMap());
			return new Connection.Edge<>(new Cursor(record.get("rank").asLong(), candidate.id()).encode(), candidate);
		});
		boolean more = edges.size() > limit;
		List<Connection.Edge<MatchCandidate>> page = more ? edges.subList(0, limit) : edges;
		Connection.PageInfo info = new Connection.PageInfo(more, after != null,
				page.isEmpty() ? null : page.getFirst().cursor(), page.isEmpty() ? null : page.getLast().cursor());
		return new Connection<>(List.copyOf(page), info, this::open);
	}

	/**
	 * What the accounts and everyone who shares a contact with one messaged, and in which
	 * months: two reads, whatever the number of accounts.
	 */
	private Map<String, Map<String, Set<Long>>> contactMonths(BulkCypher.Tx tx, List<MatchFinder.Account> accounts) {
		Map<String, Map<String, Set<Long>>> months = new HashMap<>();
		List<String> ids = accounts.stream().map(MatchFinder.Account::id).toList();
		tx.run(contactMonths, Map.of("ids", ids), row -> add(months, row));
		Set<String> contacts = new TreeSet<>();
		ids.forEach(id -> contacts.addAll(months.getOrDefault(id, Map.of()).keySet()));
		Map<String, Map<String, Set<Long>>> theirs = new HashMap<>();
		tx.run(contactMonths, Map.of("ids", List.copyOf(contacts)), row -> add(theirs, row));
		// Read from the contacts' side: each row says its "contact" talked with "id".
		theirs.forEach((contact, others) -> others.forEach((other, otherMonths) -> {
			if (!ids.contains(other)) {
				months.computeIfAbsent(other, key -> new HashMap<>())
					.computeIfAbsent(contact, key -> new TreeSet<>())
					.addAll(otherMonths);
			}
		}));
		return months;
	}

	private static void add(Map<String, Map<String, Set<Long>>> months, Map<String, Object> row) {
		Set<Long> set = months.computeIfAbsent((String) row.get("id"), key -> new HashMap<>())
			.computeIfAbsent((String) row.get("contact"), key -> new TreeSet<>());
		for (Object month : (List<?>) row.get("months")) {
			set.add(((Number) month).longValue());
		}
	}

	@SuppressWarnings("unchecked")
	private static MatchFinder.Person person(Map<String, Object> row) {
		Map<String, List<String>> handles = new LinkedHashMap<>();
		for (Map<String, Object> handle : (List<Map<String, Object>>) row.get("handles")) {
			handles.computeIfAbsent((String) handle.get("handle"), key -> new ArrayList<>())
				.addAll(strings(handle.get("groups")));
		}
		return new MatchFinder.Person((String) row.get("id"), (String) row.get("name"), strings(row.get("phones")),
				handles, strings(row.get("groups")));
	}

	private static Map<String, Object> row(MatchFinder.Found found) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", found.id());
		row.put("pair", found.pair());
		row.put("left", found.left());
		row.put("right", found.right());
		row.put("score", found.score());
		row.put("evidenceKinds", found.evidence().stream().map(evidence -> evidence.kind().name()).toList());
		row.put("evidenceScores", found.evidence().stream().map(Evidence::score).toList());
		row.put("evidenceDetails", found.evidence().stream().map(Evidence::detail).toList());
		return row;
	}

	private static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		for (Object item : (List<?>) value) {
			if (item != null) {
				strings.add(item.toString());
			}
		}
		return List.copyOf(new LinkedHashSet<>(strings));
	}

	private static String script(String path) {
		return CypherScript.load(path).single();
	}

}
