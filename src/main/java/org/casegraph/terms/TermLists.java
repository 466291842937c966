package org.casegraph.terms;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.casegraph.neo4j.BulkCypher;
import org.casegraph.neo4j.CypherScript;
import org.casegraph.neo4j.KeptAnswers;
import org.casegraph.neo4j.StoreVersion;
import org.casegraph.query.BadRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Term lists: every saved version kept as it was saved, the next one numbered after the
 * last; a list or term that cannot be matched is refused with what and where.
 * <p>
 * The versions read are kept until the next write to the store or save here, so that
 * asking a list's hits again does not read every version of it again. A save leaves other
 * kept answers in place ({@link StoreVersion#keptThrough}), so the versions are kept
 * under the count of saves made here as well: a read that a save overtook is kept under
 * the count before it, which no later request asks for.
 */
@Component
public class TermLists {

	static final int MAX_TERMS = 1000;

	static final int MAX_LENGTH = 200;

	/**
	 * Most terms kept in all, over every version read (a list asked without a name holds
	 * every version of every list): at most 200 characters each.
	 */
	private static final long MAX_KEPT_TERMS = 100_000;

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final String save = CypherScript.load("cypher/terms/save.cypher").single();

	private final String lists = CypherScript.load("cypher/terms/lists.cypher").single();

	private final BulkCypher cypher;

	private final StoreVersion storeVersion;

	private final AtomicLong saves = new AtomicLong();

	private final KeptAnswers<Asked, List<TermList>> kept;

	private final ApplicationEventPublisher events;

	TermLists(BulkCypher cypher, StoreVersion storeVersion, ApplicationEventPublisher events) {
		this.cypher = cypher;
		this.storeVersion = storeVersion;
		this.events = events;
		this.kept = new KeptAnswers<>(storeVersion, MAX_KEPT_TERMS,
				versions -> versions.stream().mapToInt(list -> list.terms().size()).sum());
	}

	/**
	 * Saves the next version of a list, after {@link #problem} found nothing wrong with
	 * it.
	 */
	public TermList save(String name, List<TermList.Term> terms, String note, String by) {
		List<String> texts = terms.stream().map(TermList.Term::text).toList();
		List<Boolean> regex = terms.stream().map(TermList.Term::regex).toList();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("name", name);
		parameters.put("texts", texts);
		parameters.put("regex", regex);
		parameters.put("note", note);
		parameters.put("by", by);
		parameters.put("at", ZonedDateTime.now(ZoneOffset.UTC));
		TermList saved;
		try {
			saved = list(storeVersion.keptThrough(() -> cypher.write(tx -> tx.list(save, parameters))).getFirst());
		}
		finally {
			saves.incrementAndGet();
		}
		events.publishEvent(new Saved(saved));
		return saved;
	}

	/** Every version of every list, or of one ({@code name}), oldest first. */
	public List<TermList> all(String name) {
		return kept.get(new Asked(name, saves.get()), () -> read(name));
	}

	private List<TermList> read(String name) {
		List<TermList> found = new ArrayList<>();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("name", name);
		cypher.read(lists, parameters, row -> found.add(list(row)));
		return List.copyOf(found);
	}

	/**
	 * One version of a list, the latest when {@code version} is null; refused naming the
	 * argument when there is none.
	 */
	TermList version(String name, Integer version) {
		List<TermList> versions = all(name);
		if (versions.isEmpty()) {
			throw new BadRequestException("Argument 'list': no term list is named '%s'".formatted(name));
		}
		if (version == null) {
			return versions.getLast();
		}
		return versions.stream()
			.filter(list -> list.version() == version)
			.findFirst()
			.orElseThrow(() -> new BadRequestException("Argument 'version': term list '%s' has versions 1 to %d, not %d"
				.formatted(name, versions.getLast().version(), version)));
	}

	/** What is wrong with a list's name, or null. */
	static String nameProblem(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			return "name '%s' is not a term list name (lower case letters, digits and dashes, at most 63)"
				.formatted(name);
		}
		return null;
	}

	/**
	 * What is wrong with a list's terms, as a sentence that starts with where:
	 * {@code list} names the list as a whole, {@code where.apply(i)} its i-th term; or
	 * null.
	 */
	static String termsProblem(List<TermList.Term> terms, String list, IntFunction<String> where) {
		if (terms.isEmpty()) {
			return list + ": a term list needs at least one term";
		}
		if (terms.size() > MAX_TERMS) {
			return list + ": %d terms; a term list holds at most %d".formatted(terms.size(), MAX_TERMS);
		}
		Set<TermList.Term> seen = new HashSet<>();
		for (int i = 0; i < terms.size(); i++) {
			String problem = problem(terms.get(i));
			if (problem == null && !seen.add(normalised(terms.get(i)))) {
				problem = "'%s' is listed twice".formatted(terms.get(i).text());
			}
			if (problem != null) {
				return where.apply(i) + ": " + problem;
			}
		}
		return null;
	}

	private static String problem(TermList.Term term) {
		String text = term.text();
		if (text == null || text.isBlank()) {
			return "a term is empty";
		}
		if (text.length() > MAX_LENGTH) {
			return "a term is %d characters long; at most %d".formatted(text.length(), MAX_LENGTH);
		}
		if (!term.regex()) {
			return TermMatcher.words(text).isEmpty() ? "'%s' holds no word to match".formatted(text) : null;
		}
		try {
			if (TermMatcher.pattern(text).matcher("").matches()) {
				return "the regular expression '%s' matches an empty text, so it would hit every message"
					.formatted(text);
			}
			return null;
		}
		catch (PatternSyntaxException ex) {
			return "'%s' is not a regular expression (%s at index %d)".formatted(text, ex.getDescription(),
					ex.getIndex());
		}
	}

	private static TermList.Term normalised(TermList.Term term) {
		return term.regex() ? term : new TermList.Term(String.join(" ", TermMatcher.words(term.text())), false);
	}

	@SuppressWarnings("unchecked")
	private static TermList list(Map<String, Object> row) {
		Map<String, Object> list = (Map<String, Object>) row.get("list");
		List<String> texts = (List<String>) list.get("terms");
		List<Boolean> regex = (List<Boolean>) list.get("regex");
		List<TermList.Term> terms = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			terms.add(new TermList.Term(texts.get(i), regex.get(i)));
		}
		Object at = list.get("createdAt");
		OffsetDateTime createdAt = (at instanceof ZonedDateTime zoned) ? zoned.toOffsetDateTime() : (OffsetDateTime) at;
		return new TermList((String) list.get("name"), ((Number) list.get("version")).intValue(), List.copyOf(terms),
				(String) list.get("note"), (String) list.get("createdBy"), createdAt);
	}

	/**
	 * Published when a version is saved, so that its hits are worked out while the saver
	 * waits rather than when first asked.
	 */
	record Saved(TermList list) {
	}

	/**
	 * What was asked, and how many saves this process had made before it.
	 *
	 * @param name the list; null for every list
	 * @param saves saves made before the read
	 */
	private record Asked(String name, long saves) {
	}

}
